import { TEAM_ROLES, TeamAgency } from '@ips/contracts';
import { CommandMetadata } from '@ips/kernel';
import { localDate } from './team-calendar';
import { TeamMemberRole } from './team.events';
import { DefinedTeam, isCurrentOn, latestMembership } from './team.state';

type Actor = CommandMetadata['actor'];

/** The IPS programme's administrator: defines every team and names its supervisors. */
export const isAdministrator = (actor: Actor): boolean => actor.agency === 'programme' && actor.role === 'administrator';

/** The team's day: dates of membership are the team's local days, so "today" is too. */
export const teamToday = (team: DefinedTeam, metadata: CommandMetadata): string => localDate(metadata.now, team.timeZone);

/**
 * A supervisor of this team today: their membership (same subject and agency as the token, since subjects are only
 * unique within an agency's identity provider) has the role supervisor and gives access today.
 */
export function isSupervisorOf(team: DefinedTeam, actor: Actor, today: string): boolean {
  const membership = latestMembership(team, actor.sub);
  return !!membership && membership.agency === actor.agency && membership.role === 'supervisor' && isCurrentOn(membership, today);
}

/** Who may change the team's membership: the administrator, or a supervisor of this team today. */
export const administers = (team: DefinedTeam, actor: Actor, today: string): boolean => isAdministrator(actor) || isSupervisorOf(team, actor, today);

/** The roles of the agency's staff on a team (employment specialists work at the welfare office, and so on). */
export const isRoleOfAgency = (agency: TeamAgency, role: TeamMemberRole): boolean => TEAM_ROLES[agency].includes(role);
