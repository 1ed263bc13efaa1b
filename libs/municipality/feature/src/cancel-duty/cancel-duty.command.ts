import { UseCaseCommand } from '@ips/command-pipeline';
import { CancelDuty } from '@ips/municipality/domain';

/** cancel-duty: a crisis duty shift is cancelled; from then on nobody is on duty through it. */
export class CancelDutyCommand extends UseCaseCommand<CancelDuty> {
  readonly type = 'CancelDuty';
}
