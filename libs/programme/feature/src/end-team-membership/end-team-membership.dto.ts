import { OptionalDateField } from '@ips/http';

/** The body of end-team-membership: the day access through the team ends. */
export class EndTeamMembershipDto {
  @OptionalDateField('2026-11-30', 'planned', "the day access through the team ends (the team's day); today when left out; at most 30 days back")
  on?: string;
}
