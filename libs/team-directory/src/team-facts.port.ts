import { ClassProvider, ExistingProvider, FactoryProvider, ValueProvider } from '@nestjs/common';
import { NamedOnTeam } from '@ips/contracts';

/**
 * The IPS teams as an agency's commands ask about them (decision 32): whether any team is defined, the participant's
 * team on a day, and a person's memberships. The service's own team directory answers (TeamDirectory fits); a module
 * binds it by default, a test binds its own.
 */
export interface TeamFacts {
  anyTeamDefined(): Promise<boolean>;
  teamOf(participantId: string, on: Date): Promise<string | null>;
  teamsOf(
    person: { readonly sub: string; readonly agency: string },
    on: Date,
  ): Promise<readonly { readonly team: { readonly teamId: string }; readonly period: { readonly agency: string; readonly role: string } }[]>;
}

export const TEAM_FACTS = Symbol('TEAM_FACTS');

/** How a composing app or a test binds a port (the team ports of the agencies): a Nest provider without its token. */
export type PortBinding<T> =
  Omit<ClassProvider<T>, 'provide'> | Omit<ValueProvider<T>, 'provide'> | Omit<FactoryProvider<T>, 'provide'> | Omit<ExistingProvider<T>, 'provide'>;

/** How a composing app or a test binds TEAM_FACTS. */
export type TeamFactsBinding = PortBinding<TeamFacts>;

/**
 * The participant's team and the named person's memberships at `at`, for a decider to compare; null while no team is
 * defined (anyone may be named, as before teams).
 */
export async function namedOnTeam(
  teams: TeamFacts,
  participantId: string,
  person: { readonly sub: string; readonly agency: string },
  at: Date,
): Promise<NamedOnTeam | null> {
  if (!(await teams.anyTeamDefined())) return null;
  const [participantTeamId, memberships] = await Promise.all([teams.teamOf(participantId, at), teams.teamsOf(person, at)]);
  return {
    participantTeamId,
    memberships: memberships.map(({ team, period }) => ({ teamId: team.teamId, agency: period.agency, role: period.role })),
  };
}
