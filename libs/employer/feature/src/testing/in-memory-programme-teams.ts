import { ProgrammeTeam, ProgrammeTeams } from '../contact-line/programme-teams.port';

/** The programme's teams as a test sets them: none until `define`; participants on a team from `place` on (no days). */
export class InMemoryProgrammeTeams implements ProgrammeTeams {
  private readonly teams = new Map<string, ProgrammeTeam>();
  private readonly participants = new Map<string, string>();

  define(teamId: string, team: Partial<Omit<ProgrammeTeam, 'teamId'>> = {}): this {
    this.teams.set(teamId, { teamId, name: 'IPS Trondheim', timeZone: 'Europe/Oslo', members: [], ...team });
    return this;
  }

  /** Adds a welfare-office member from a day on (`2026-01-01` unless told), until an end day or for good. */
  addMember(teamId: string, sub: string, role: string, from = '2026-01-01', until: string | null = null, agency = 'welfare-office'): this {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`no team ${teamId}`);
    this.teams.set(teamId, { ...team, members: [...team.members, { sub, agency, role, from, until }] });
    return this;
  }

  place(participantId: string, teamId: string): this {
    this.participants.set(participantId, teamId);
    return this;
  }

  clear(): void {
    this.teams.clear();
    this.participants.clear();
  }

  async anyTeamDefined(): Promise<boolean> {
    return this.teams.size > 0;
  }

  async team(teamId: string): Promise<ProgrammeTeam | null> {
    return this.teams.get(teamId) ?? null;
  }

  async teamOf(participantId: string): Promise<string | null> {
    return this.participants.get(participantId) ?? null;
  }
}
