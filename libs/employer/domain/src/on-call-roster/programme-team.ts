import { instantToLocal } from './local-time';

/**
 * A programme team (decision 27) as an on-call roster command sees it: the 24/7 line's on-call teams are the
 * programme's teams, so a shift on one is read in the team's time zone and its worker is one of its members. The
 * feature layer reads it from the employer service's own team directory; the decider only compares.
 */
export interface ProgrammeTeamFacts {
  readonly name: string;
  /** IANA name: shift times are read and shown in it. */
  readonly timeZone: string;
  /** Every membership period, ended ones included: `until` is the first day without it (the team's days). */
  readonly members: readonly {
    readonly sub: string;
    readonly agency: string;
    readonly role: string;
    readonly from: string;
    readonly until: string | null;
  }[];
}

/** The team's day an instant falls on. */
const dayOf = (instant: string, timeZone: string): string => instantToLocal(instant, timeZone).slice(0, 10);

/**
 * Whether `sub` is on the team with this agency and role over the whole shift: one membership period covers the day it
 * starts and the day of its last moment (its end is exclusive), each in the team's zone.
 */
export function coversShift(team: ProgrammeTeamFacts, member: { sub: string; agency: string; role: string }, from: string, to: string): boolean {
  const first = dayOf(from, team.timeZone);
  const last = dayOf(new Date(Date.parse(to) - 1).toISOString(), team.timeZone);
  return team.members.some(
    (period) =>
      period.sub === member.sub &&
      period.agency === member.agency &&
      period.role === member.role &&
      period.from <= first &&
      (period.until === null || last < period.until),
  );
}
