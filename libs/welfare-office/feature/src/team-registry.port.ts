/**
 * The IPS teams the programme defined (decision 27), as the welfare office asks about them: a referral names its team
 * and a transfer its new one; an enrolment names people of the participant's team. Bound by the composing app (the
 * service's team directory); required, so the welfare office never runs without knowing which teams exist.
 */
export interface TeamRegistry {
  teamExists(teamId: string): Promise<boolean>;
  /** Any team at all: until the first, referrals go to the default team and need not name one, and anyone may be named. */
  anyTeamDefined(): Promise<boolean>;
  /** The person's memberships (by `sub` and `agency`) current on `on`, each on its team's own day. */
  teamsOf(person: { readonly sub: string; readonly agency: string }, on: Date): Promise<readonly TeamMembershipOf[]>;
}

/** A membership as the registry answers it: the team and the role held (TeamDirectory's `Membership` fits). */
export interface TeamMembershipOf {
  readonly team: { readonly teamId: string };
  readonly period: { readonly agency: string; readonly role: string };
}

export const TEAM_REGISTRY = Symbol('TEAM_REGISTRY');
