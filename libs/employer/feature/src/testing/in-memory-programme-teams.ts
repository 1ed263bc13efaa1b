import { ProgrammeTeam, ProgrammeTeams } from '../contact-line/programme-teams.port';

/** The programme's teams as a test sets them: none until `define`; participants on a team from `place` on (no days). */
export class InMemoryProgrammeTeams implements ProgrammeTeams {
  private readonly teams = new Map<string, ProgrammeTeam>();
  private readonly participants = new Map<string, string>();
  private readonly names = new Map<string, string>();

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
    this.names.clear();
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

  /** Names staff as the programme would (`agency/sub` → display name). */
  name(agency: string, sub: string, displayName: string): this {
    this.names.set(`${agency}/${sub}`, displayName);
    return this;
  }

  async teamsOfReader(reader: { readonly sub: string; readonly agency: string }, at: Date): Promise<string[]> {
    const day = at.toISOString().slice(0, 10);
    return [...this.teams.values()]
      .filter((team) => team.members.some((m) => m.sub === reader.sub && m.agency === reader.agency && m.from <= day && (m.until === null || day < m.until)))
      .map((team) => team.teamId);
  }

  async participantsOf(teamIds: readonly string[]): Promise<string[]> {
    return [...this.participants].filter(([, teamId]) => teamIds.includes(teamId)).map(([participantId]) => participantId);
  }

  async participantsNaming(): Promise<string[]> {
    return [];
  }

  async displayNames(people: readonly { readonly sub: string; readonly agency: string }[]): Promise<ReadonlyMap<string, string>> {
    const named = people.map(({ sub, agency }) => `${agency}/${sub}`).filter((key) => this.names.has(key));
    return new Map(named.map((key) => [key, this.names.get(key) as string]));
  }
}
