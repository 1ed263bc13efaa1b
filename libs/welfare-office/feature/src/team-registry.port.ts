/**
 * The IPS teams the programme defined (decision 27), as the welfare office asks about them: a referral names its team
 * and a transfer its new one. Bound by the composing app (the service's team directory); required, so the welfare
 * office never runs without knowing which teams exist.
 */
export interface TeamRegistry {
  teamExists(teamId: string): Promise<boolean>;
  /** Any team at all: until the first, referrals go to the default team and need not name one. */
  anyTeamDefined(): Promise<boolean>;
}

export const TEAM_REGISTRY = Symbol('TEAM_REGISTRY');
