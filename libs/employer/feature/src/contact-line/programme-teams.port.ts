import { ClassProvider, ExistingProvider, FactoryProvider, ValueProvider } from '@nestjs/common';

/**
 * The IPS programme's teams (decision 27) as the employer service asks about them: the 24/7 line's on-call teams are
 * these teams. Whether any team is defined, a team with its members (zone and membership periods), and a participant's
 * team on a day (routing). The service's own team directory answers (TeamDirectory fits); EmployerModule binds it by
 * default, a test binds its own (`EmployerModule.withConfig(config, { teams })`).
 */
export interface ProgrammeTeams {
  anyTeamDefined(): Promise<boolean>;
  team(teamId: string): Promise<ProgrammeTeam | null>;
  teamOf(participantId: string, on: Date): Promise<string | null>;
}

export interface ProgrammeTeam {
  readonly teamId: string;
  readonly name: string;
  readonly timeZone: string;
  /** Every membership period, ended ones included (`until`: the first day without it, the team's days). */
  readonly members: readonly {
    readonly sub: string;
    readonly agency: string;
    readonly role: string;
    readonly from: string;
    readonly until: string | null;
  }[];
}

export const PROGRAMME_TEAMS = Symbol('PROGRAMME_TEAMS');

/** How a composing app or a test binds PROGRAMME_TEAMS: a Nest provider without its token. */
export type ProgrammeTeamsBinding =
  | Omit<ClassProvider<ProgrammeTeams>, 'provide'>
  | Omit<ValueProvider<ProgrammeTeams>, 'provide'>
  | Omit<FactoryProvider<ProgrammeTeams>, 'provide'>
  | Omit<ExistingProvider<ProgrammeTeams>, 'provide'>;

/** While the programme has defined no team (and in tests of the line alone): every on-call team is one of this service's own. */
export const noProgrammeTeams: ProgrammeTeams = {
  anyTeamDefined: async () => false,
  team: async () => null,
  teamOf: async () => null,
};
