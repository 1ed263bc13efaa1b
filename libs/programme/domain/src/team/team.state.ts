import { TeamAgency } from '@ips/contracts';
import { Aggregate, assertNever } from '@ips/kernel';
import { ProgrammeTeamEvent, TeamMemberRole } from './team.events';

/** One period on the team. Days are the team's local days; `until` is the first day without access (exclusive). */
export interface TeamMembership {
  readonly sub: string;
  readonly displayName: string;
  readonly agency: TeamAgency;
  readonly role: TeamMemberRole;
  readonly from: string;
  readonly until: string | null;
}

export type ProgrammeTeamState =
  | { readonly status: 'Undefined' }
  | {
      readonly status: 'Defined';
      readonly teamId: string;
      readonly name: string;
      readonly municipality: string;
      readonly timeZone: string;
      /** Each person's latest membership, ended or not. */
      readonly members: Readonly<Record<string, TeamMembership>>;
      /** Earlier, ended periods of people who joined again: the history stays whole. */
      readonly formerMemberships: readonly TeamMembership[];
    };

export type DefinedTeam = Extract<ProgrammeTeamState, { status: 'Defined' }>;

export const initialProgrammeTeamState: ProgrammeTeamState = { status: 'Undefined' };

export function evolveProgrammeTeam(state: ProgrammeTeamState, event: ProgrammeTeamEvent): ProgrammeTeamState {
  switch (event.type) {
    case 'TeamDefined': {
      const { teamId, name, municipality, timeZone } = event.data;
      return state.status === 'Defined'
        ? { ...state, name, municipality, timeZone }
        : { status: 'Defined', teamId, name, municipality, timeZone, members: {}, formerMemberships: [] };
    }
    case 'TeamMemberAdded': {
      if (state.status !== 'Defined') return state;
      const { sub, displayName, agency, role, from } = event.data;
      const earlier = state.members[sub];
      return {
        ...state,
        members: { ...state.members, [sub]: { sub, displayName, agency, role, from, until: null } },
        formerMemberships: earlier ? [...state.formerMemberships, earlier] : state.formerMemberships,
      };
    }
    case 'TeamMembershipEnded': {
      const membership = latestMembership(state, event.data.sub);
      if (state.status !== 'Defined' || !membership) return state;
      return { ...state, members: { ...state.members, [membership.sub]: { ...membership, until: event.data.on } } };
    }
    default:
      return assertNever(event);
  }
}

export const latestMembership = (state: ProgrammeTeamState, sub: string): TeamMembership | undefined =>
  state.status === 'Defined' ? state.members[sub] : undefined;

/** A membership not yet ended (it may start later). */
export const openMembership = (state: ProgrammeTeamState, sub: string): TeamMembership | undefined => {
  const membership = latestMembership(state, sub);
  return membership?.until === null ? membership : undefined;
};

/** Whether the membership gives access on `day`: from its first day up to, not including, its end. */
export const isCurrentOn = (membership: TeamMembership, day: string): boolean =>
  membership.from <= day && (membership.until === null || day < membership.until);

export const programmeTeamAggregate: Aggregate<ProgrammeTeamState, ProgrammeTeamEvent> = {
  category: 'programme.team',
  initialState: initialProgrammeTeamState,
  evolve: evolveProgrammeTeam,
};
