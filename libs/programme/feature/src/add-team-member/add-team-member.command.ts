import { UseCaseCommand } from '@ips/command-pipeline';
import { AddTeamMember } from '@ips/programme/domain';

/** add-team-member: a person joins the team from a day; from then on they work with its participants. */
export class AddTeamMemberCommand extends UseCaseCommand<AddTeamMember> {
  readonly type = 'AddTeamMember';
}
