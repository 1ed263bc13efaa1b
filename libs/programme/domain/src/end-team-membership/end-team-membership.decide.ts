import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { addDays } from '../team/team-calendar';
import { TeamErrors } from '../team/team.errors';
import { ProgrammeTeamEvent } from '../team/team.events';
import { administers, isAdministrator, teamToday } from '../team/team.rules';
import { ProgrammeTeamState, openMembership } from '../team/team.state';

export type EndTeamMembership = Command<
  'EndTeamMembership',
  {
    readonly teamId: string;
    readonly sub: string;
    /** The day access through the team ends; the team's today when left out. */
    readonly on?: string;
  }
>;

/**
 * Every read and write through a membership was allowed, and logged, on the strength of it. Ending it weeks back would
 * make that history say those people were never on the team: a month covers a departure reported late, no more.
 */
export const END_AT_MOST_DAYS_BACK = 30;

/** end-team-membership: a person's open membership ends on a day, at most 30 days back and not before it started. */
export function decideEndTeamMembership(command: EndTeamMembership, state: ProgrammeTeamState): Decision<ProgrammeTeamEvent> {
  switch (state.status) {
    case 'Undefined':
      return refuse('not-found', TeamErrors.notFound, 'no such team');
    case 'Defined': {
      const { actor, now } = command.metadata;
      const today = teamToday(state, command.metadata);
      if (!administers(state, actor, today)) return refuse('not-found', TeamErrors.notFound, 'no such team');
      const { teamId, sub } = command.data;
      const membership = openMembership(state, sub);
      if (!membership) return refuse('not-found', TeamErrors.memberNotFound, 'this person has no membership to end on the team');
      // Supervisors are the administrator's to name and so to remove; a supervisor may still step down themselves.
      if (membership.role === 'supervisor' && !isAdministrator(actor) && sub !== actor.sub) {
        return refuse('rejected', TeamErrors.supervisorByAdministrator, "only the programme's administrator removes a team's supervisors");
      }
      const on = command.data.on ?? today;
      if (on < membership.from) {
        return refuse('rejected', TeamErrors.endBeforeStart, `the membership started on ${membership.from}`);
      }
      if (on < addDays(today, -END_AT_MOST_DAYS_BACK)) {
        return refuse('rejected', TeamErrors.endTooFarBack, `an end is recorded at most ${END_AT_MOST_DAYS_BACK} days back`);
      }
      return accept({ type: 'TeamMembershipEnded', data: { teamId, sub, on, endedAt: now } });
    }
    default:
      return assertNever(state);
  }
}
