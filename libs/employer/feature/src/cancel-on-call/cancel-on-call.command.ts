import { UseCaseCommand } from '@ips/command-pipeline';
import { CancelOnCall } from '@ips/employer/domain';

/** cancel-on-call: an on-call shift is cancelled; requests from then on go to whoever else is on call. */
export class CancelOnCallCommand extends UseCaseCommand<CancelOnCall> {
  readonly type = 'CancelOnCall';
}
