import { TeamMembershipOf, TeamRegistry } from '../team-registry.port';

/** The teams a test defined, and no others; members are current until `leave` (no days: a test's "today"). */
export class InMemoryTeamRegistry implements TeamRegistry {
  private readonly teams = new Set<string>();
  private readonly members: { teamId: string; sub: string; agency: string; role: string }[] = [];

  define(...teamIds: string[]): this {
    for (const teamId of teamIds) this.teams.add(teamId);
    return this;
  }

  /** Puts a person on a team (defining the team too). */
  addMember(teamId: string, member: { readonly sub: string; readonly agency: string; readonly role: string }): this {
    this.define(teamId);
    this.members.push({ teamId, ...member });
    return this;
  }

  clear(): void {
    this.teams.clear();
    this.members.length = 0;
  }

  async teamExists(teamId: string): Promise<boolean> {
    return this.teams.has(teamId);
  }

  async anyTeamDefined(): Promise<boolean> {
    return this.teams.size > 0;
  }

  async teamsOf(person: { readonly sub: string; readonly agency: string }): Promise<TeamMembershipOf[]> {
    return this.members
      .filter((member) => member.sub === person.sub && member.agency === person.agency)
      .map(({ teamId, agency, role }) => ({ team: { teamId }, period: { agency, role } }));
  }
}
