import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { GrantEmergencyAccess } from '../emergency-access';

/**
 * grant-emergency-access: staff with no relation to a participant break the glass: they open that one record, with a
 * reason, for a limited time. The handler adds the participant's team, the reader's relation and the default hours.
 */
export class GrantEmergencyAccessCommand extends UseCaseCommand<
  Command<'GrantEmergencyAccess', Omit<GrantEmergencyAccess['data'], 'teamId' | 'relation' | 'defaultHours'>>
> {
  readonly type = 'GrantEmergencyAccess';
}
