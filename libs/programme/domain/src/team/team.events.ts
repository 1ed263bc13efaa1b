import { STAFF_ROLES, TeamAgency } from '@ips/contracts';
import { DomainEvent } from '@ips/kernel';

/** A role an agency's staff hold on a team; which go with which agency is a rule of add-team-member. */
export type TeamMemberRole = (typeof STAFF_ROLES)[number];

export type TeamDefined = DomainEvent<
  'TeamDefined',
  {
    readonly teamId: string;
    readonly name: string;
    readonly municipality: string;
    /** IANA, as the time-zone database spells it: the team's days (from, until) are its local days. */
    readonly timeZone: string;
    readonly definedAt: string;
  }
>;

export type TeamMemberAdded = DomainEvent<
  'TeamMemberAdded',
  {
    readonly teamId: string;
    /** The person's token subject. */
    readonly sub: string;
    readonly displayName: string;
    readonly agency: TeamAgency;
    readonly role: TeamMemberRole;
    /** First day of the membership (YYYY-MM-DD, the team's local day). */
    readonly from: string;
    readonly addedAt: string;
  }
>;

export type TeamMembershipEnded = DomainEvent<
  'TeamMembershipEnded',
  {
    readonly teamId: string;
    readonly sub: string;
    /** The day access through the team ends: its last day is the day before. */
    readonly on: string;
    readonly endedAt: string;
  }
>;

export type ProgrammeTeamEvent = TeamDefined | TeamMemberAdded | TeamMembershipEnded;
