import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { canonicalTimeZone } from '../on-call-roster/local-time';
import { OnCallRosterErrors } from '../on-call-roster/on-call-roster.errors';
import { OnCallRosterEvent, OnCallTeamDefined } from '../on-call-roster/on-call-roster.events';
import { OnCallRosterState } from '../on-call-roster/on-call-roster.state';

export type DefineOnCallTeam = Command<
  'DefineOnCallTeam',
  Omit<OnCallTeamDefined['data'], 'definedAt'> & {
    /** Whether the programme has defined any team (the service's team directory): once it has, its teams are the on-call teams. */
    readonly teamsDefined?: boolean;
  }
>;

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * define-on-call-team: defines the team, or redefines it (name, time zone, whose participants it covers); its shifts stay. Only while the
 * programme defines no team (the transition): from its first team on, the on-call teams are the programme's
 * (409 ON_CALL.USE_PROGRAMME_TEAMS, pointing to /programme/teams), one notion of team, not two.
 */
export function decideDefineOnCallTeam(command: DefineOnCallTeam, state: OnCallRosterState): Decision<OnCallRosterEvent> {
  if (command.data.teamsDefined) {
    return refuse(
      'conflict',
      OnCallRosterErrors.useProgrammeTeams,
      "on-call teams are the programme's teams now: define the team with PUT /programme/teams/:teamId and schedule its on-call shifts on its id",
    );
  }
  const timeZone = canonicalTimeZone(command.data.timeZone);
  if (!timeZone) return refuse('rejected', OnCallRosterErrors.invalidTimeZone, 'not an IANA time zone, e.g. Europe/Oslo');
  const { teamId, name } = command.data;
  const employmentSpecialistIds = [...new Set(command.data.employmentSpecialistIds)];
  const defined: OnCallTeamDefined = {
    type: 'OnCallTeamDefined',
    data: { teamId, name, timeZone, employmentSpecialistIds, definedAt: command.metadata.now },
  };
  switch (state.status) {
    case 'Undefined':
    case 'Rostered':
      return accept(defined);
    case 'Defined': {
      // Defining it as it already is changes nothing, so a client may safely send it again.
      const unchanged = state.name === name && state.timeZone === timeZone && same(state.employmentSpecialistIds, employmentSpecialistIds);
      return unchanged ? accept() : accept(defined);
    }
    default:
      return assertNever(state);
  }
}
