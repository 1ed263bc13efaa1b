import { UseCaseCommand } from '@ips/command-pipeline';
import { GrantService } from '@ips/municipality/domain';

/** grant-service: the municipality grants the participant housing, social assistance or an activity service. */
export class GrantServiceCommand extends UseCaseCommand<GrantService> {
  readonly type = 'GrantService';
}
