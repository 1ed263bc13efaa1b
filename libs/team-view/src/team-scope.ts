import { Injectable } from '@nestjs/common';
import { TEAM_SUPERVISOR } from '@ips/access';
import { ProblemException } from '@ips/http';
import { Reader, TeamDirectory } from '@ips/team-directory';

/** A team the reader is not on reads as one that does not exist. */
export const teamNotFound = (): ProblemException => ProblemException.of(404, 'TEAM.NOT_FOUND', 'no such team');

/** The teams the reader supervises today (by each team's day): emergency access is reviewed by their supervisors. */
export async function supervisedTeams(directory: TeamDirectory, reader: Reader, at: Date): Promise<string[]> {
  if (!TEAM_SUPERVISOR.mayBe(reader)) return [];
  const memberships = await directory.teamsOf({ sub: reader.sub, agency: reader.agency }, at);
  return memberships.filter((membership) => TEAM_SUPERVISOR.isSupervisorPeriod(membership.period)).map((membership) => membership.team.teamId);
}

/**
 * What a list, count or board may draw on (decision 27): the reader's current teams, or the one asked for when the
 * reader is on it (any other id is 404 TEAM.NOT_FOUND, as for an unknown team). The directory gives the ids first, so
 * only those participants are loaded. While no team is defined, the deployment is one team (`participants` null:
 * every participant, as before teams).
 */
@Injectable()
export class TeamScopes {
  constructor(private readonly directory: TeamDirectory) {}

  /** `team` when the reader is a member of it at `at`, else all the reader's teams (by id). */
  async teams(reader: Reader, at: Date, team?: string | null): Promise<string[]> {
    const mine = await this.directory.teamsOfReader(reader, at);
    if (team === undefined || team === null) return mine;
    if (!mine.includes(team)) throw teamNotFound();
    return [team];
  }

  /**
   * The participants of `teams` at `at` (ids), plus, with `named`, those the reader is named on; null while no team
   * is defined (every participant). `among`: only these are considered (a caseload's candidates), so the cost is
   * theirs, not the team's.
   */
  async participants(reader: Reader, at: Date, teams: readonly string[], named: boolean, among?: readonly string[]): Promise<string[] | null> {
    if (!(await this.directory.anyTeamDefined())) return null;
    const ids = new Set<string>();
    if (named) for (const id of await this.directory.participantsNaming(reader, at)) ids.add(id);
    if (among) {
      const candidates = new Set(among);
      for (const id of ids) if (!candidates.has(id)) ids.delete(id);
      const rest = among.filter((id) => !ids.has(id));
      for (const id of rest.length > 0 ? await this.directory.participantsOf(teams, at, rest) : []) ids.add(id);
    } else {
      for (const id of await this.directory.participantsOf(teams, at)) ids.add(id);
    }
    return [...ids];
  }

  /** The directory itself (names and members of teams). */
  get teamDirectory(): TeamDirectory {
    return this.directory;
  }
}
