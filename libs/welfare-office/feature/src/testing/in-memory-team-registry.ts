import { TeamRegistry } from '../team-registry.port';

/** The teams a test defined, and no others. */
export class InMemoryTeamRegistry implements TeamRegistry {
  private readonly teams = new Set<string>();

  define(...teamIds: string[]): this {
    for (const teamId of teamIds) this.teams.add(teamId);
    return this;
  }

  clear(): void {
    this.teams.clear();
  }

  async teamExists(teamId: string): Promise<boolean> {
    return this.teams.has(teamId);
  }

  async anyTeamDefined(): Promise<boolean> {
    return this.teams.size > 0;
  }
}
