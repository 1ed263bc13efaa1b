import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { addYears } from '../team/team-calendar';
import { TeamErrors } from '../team/team.errors';
import { ProgrammeTeamEvent, TeamMemberAdded } from '../team/team.events';
import { administers, isAdministrator, isRoleOfAgency, teamToday } from '../team/team.rules';
import { ProgrammeTeamState, latestMembership } from '../team/team.state';

export type AddTeamMember = Command<
  'AddTeamMember',
  Omit<TeamMemberAdded['data'], 'from' | 'addedAt'> & {
    /** First day on the team; the team's today when left out. */
    readonly from?: string;
  }
>;

/**
 * add-team-member: a person joins the team from a day within a year of today, by the administrator or a supervisor of
 * the team; only the administrator names supervisors, and one membership per person at a time.
 */
export function decideAddTeamMember(command: AddTeamMember, state: ProgrammeTeamState): Decision<ProgrammeTeamEvent> {
  switch (state.status) {
    case 'Undefined':
      return refuse('not-found', TeamErrors.notFound, 'no such team');
    case 'Defined': {
      const { actor, now } = command.metadata;
      const today = teamToday(state, command.metadata);
      // Anyone else, a supervisor of another team included, is not told that this team exists.
      if (!administers(state, actor, today)) return refuse('not-found', TeamErrors.notFound, 'no such team');
      const { teamId, sub, displayName, agency, role } = command.data;
      if (!isRoleOfAgency(agency, role)) {
        return refuse('rejected', TeamErrors.roleNotOfAgency, `${role} is not a role of the ${agency} on a team`);
      }
      if (role === 'supervisor' && !isAdministrator(actor)) {
        return refuse('rejected', TeamErrors.supervisorByAdministrator, "only the programme's administrator names a team's supervisors");
      }
      const from = command.data.from ?? today;
      if (from < addYears(today, -1) || from > addYears(today, 1)) {
        return refuse('rejected', TeamErrors.fromOutOfRange, 'a membership starts within a year of today, back or ahead');
      }
      const latest = latestMembership(state, sub);
      // A new period may follow an ended one, never overlap it: one membership per person at a time.
      if (latest && (latest.until === null || from < latest.until)) {
        const until = latest.until === null ? '' : ` until ${latest.until}`;
        return refuse('conflict', TeamErrors.memberAlreadyAdded, `already a member from ${latest.from}${until}`);
      }
      return accept({ type: 'TeamMemberAdded', data: { teamId, sub, displayName, agency, role, from, addedAt: now } });
    }
    default:
      return assertNever(state);
  }
}
