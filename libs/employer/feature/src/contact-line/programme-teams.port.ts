import { ProgrammeTeamFacts } from '@ips/employer/domain';
import { PortBinding } from '@ips/team-directory';

/**
 * The IPS programme's teams (decision 27) as the employer service asks about them: the 24/7 line's on-call teams are
 * these teams. Whether any team is defined, a team with its members (zone and membership periods), a participant's
 * team on a day (routing), how the programme names staff (who took an employer's request), and whose participants a
 * reader's list covers (decision 29: the reader's teams' participants and those naming the reader). The service's own
 * team directory answers (TeamDirectory fits); EmployerModule binds it by default, a test binds its own
 * (`EmployerModule.withConfig(config, { teams })`).
 */
export interface ProgrammeTeams {
  anyTeamDefined(): Promise<boolean>;
  team(teamId: string): Promise<ProgrammeTeam | null>;
  teamOf(participantId: string, on: Date): Promise<string | null>;
  /** Display names keyed `agency/sub`; someone the programme never named is left out. */
  displayNames(people: readonly { readonly sub: string; readonly agency: string }[]): Promise<ReadonlyMap<string, string>>;
  /** The teams the reader is a member of at `at`. */
  teamsOfReader(reader: StaffReader, at: Date): Promise<string[]>;
  /** The participants on one of these teams at `at`. */
  participantsOf(teamIds: readonly string[], at: Date): Promise<string[]>;
  /** The participants whose record names the reader at `at`. */
  participantsNaming(reader: StaffReader, at?: Date): Promise<string[]>;
}

/** A staff member as the directory knows them. */
export interface StaffReader {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
}

/** A programme team with its id, as the directory has it (the roster's deciders read the rest). */
export interface ProgrammeTeam extends ProgrammeTeamFacts {
  readonly teamId: string;
}

export const PROGRAMME_TEAMS = Symbol('PROGRAMME_TEAMS');

/** How a composing app or a test binds PROGRAMME_TEAMS: a Nest provider without its token. */
export type ProgrammeTeamsBinding = PortBinding<ProgrammeTeams>;

/** While the programme has defined no team (and in tests of the line alone): every on-call team is one of this service's own. */
export const noProgrammeTeams: ProgrammeTeams = {
  anyTeamDefined: async () => false,
  team: async () => null,
  teamOf: async () => null,
  displayNames: async () => new Map(),
  teamsOfReader: async () => [],
  participantsOf: async () => [],
  participantsNaming: async () => [],
};
