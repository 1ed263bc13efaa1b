import { UseCaseCommand } from '@ips/command-pipeline';
import { ScheduleDuty } from '@ips/municipality/domain';

/** schedule-duty: a worker is put on crisis duty from one instant to another; the employer line calls whoever is on duty. */
export class ScheduleDutyCommand extends UseCaseCommand<ScheduleDuty> {
  readonly type = 'ScheduleDuty';
}
