import { ClassProvider, ExistingProvider, FactoryProvider, ValueProvider } from '@nestjs/common';

/**
 * The IPS teams as the mental-health service asks about them (decision 27): whether any team is defined, the
 * participant's team on a day, and a person's memberships. The service's own team directory answers (TeamDirectory
 * fits); the module binds it by default, a test binds its own (`MentalHealthModule.withTeamDirectory`).
 */
export interface MentalHealthTeams {
  anyTeamDefined(): Promise<boolean>;
  teamOf(participantId: string, on: Date): Promise<string | null>;
  teamsOf(
    person: { readonly sub: string; readonly agency: string },
    on: Date,
  ): Promise<readonly { readonly team: { readonly teamId: string }; readonly period: { readonly agency: string; readonly role: string } }[]>;
}

export const MENTAL_HEALTH_TEAMS = Symbol('MENTAL_HEALTH_TEAMS');

/** How a composing app or a test binds MENTAL_HEALTH_TEAMS: a Nest provider without its token. */
export type MentalHealthTeamsBinding =
  | Omit<ClassProvider<MentalHealthTeams>, 'provide'>
  | Omit<ValueProvider<MentalHealthTeams>, 'provide'>
  | Omit<FactoryProvider<MentalHealthTeams>, 'provide'>
  | Omit<ExistingProvider<MentalHealthTeams>, 'provide'>;
