import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { canonicalTimeZone } from '../team/team-calendar';
import { TeamErrors } from '../team/team.errors';
import { ProgrammeTeamEvent, TeamDefined } from '../team/team.events';
import { isAdministrator } from '../team/team.rules';
import { ProgrammeTeamState } from '../team/team.state';

export type DefineTeam = Command<'DefineTeam', Omit<TeamDefined['data'], 'definedAt'>>;

/** define-team: defines the team under an id the administrator chose, or changes its name, municipality or time zone; members stay. */
export function decideDefineTeam(command: DefineTeam, state: ProgrammeTeamState): Decision<ProgrammeTeamEvent> {
  // The route lets only the administrator through as well; the rule lives here so no other edge can skip it.
  if (!isAdministrator(command.metadata.actor)) {
    return refuse('rejected', TeamErrors.administratorOnly, "only the programme's administrator defines teams");
  }
  const timeZone = canonicalTimeZone(command.data.timeZone);
  if (!timeZone) return refuse('rejected', TeamErrors.invalidTimeZone, 'not an IANA time zone, e.g. Europe/Oslo');
  const { teamId, name, municipality } = command.data;
  const defined: TeamDefined = {
    type: 'TeamDefined',
    data: { teamId, name, municipality, timeZone, definedAt: command.metadata.now },
  };
  switch (state.status) {
    case 'Undefined':
      return accept(defined);
    case 'Defined': {
      // The same definition again records nothing, so a client may safely send it again.
      const unchanged = state.name === name && state.municipality === municipality && state.timeZone === timeZone;
      return unchanged ? accept() : accept(defined);
    }
    default:
      return assertNever(state);
  }
}
