import { UseCaseCommand } from '@ips/command-pipeline';
import { EndTeamMembership } from '@ips/programme/domain';

/** end-team-membership: a person's membership of the team ends; access through the team ends that day. */
export class EndTeamMembershipCommand extends UseCaseCommand<EndTeamMembership> {
  readonly type = 'EndTeamMembership';
}
