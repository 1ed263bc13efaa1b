import { ClassProvider, ExistingProvider, FactoryProvider, ValueProvider } from '@nestjs/common';

/**
 * The IPS teams as the municipality asks about them (decision 27): whether any team is defined, the
 * participant's team on a day, and a person's memberships. The service's own team directory answers (TeamDirectory
 * fits); the module binds it by default, a test binds its own (`MunicipalityModule.withTeamDirectory`).
 */
export interface MunicipalityTeams {
  anyTeamDefined(): Promise<boolean>;
  teamOf(participantId: string, on: Date): Promise<string | null>;
  teamsOf(
    person: { readonly sub: string; readonly agency: string },
    on: Date,
  ): Promise<readonly { readonly team: { readonly teamId: string }; readonly period: { readonly agency: string; readonly role: string } }[]>;
}

export const MUNICIPALITY_TEAMS = Symbol('MUNICIPALITY_TEAMS');

/** How a composing app or a test binds MUNICIPALITY_TEAMS: a Nest provider without its token. */
export type MunicipalityTeamsBinding =
  | Omit<ClassProvider<MunicipalityTeams>, 'provide'>
  | Omit<ValueProvider<MunicipalityTeams>, 'provide'>
  | Omit<FactoryProvider<MunicipalityTeams>, 'provide'>
  | Omit<ExistingProvider<MunicipalityTeams>, 'provide'>;
