/**
 * The scale bench's projection process: the bulk projection of a generated country (project.ts), then the team
 * view's rebuild of its read models from the timeline (`rebuildTeamViewReadModels`, timed: the rebuild rate).
 */
import { openDatabase } from '@ips/runtime';
import { rebuildTeamViewReadModels } from '@ips/team-view';
import { childMain } from './child';
import { ProjectionResult, projectCountry } from './project';

/** `project`: the bulk projection; `rebuild`: the rebuild alone (a process of its own, so its RSS is its own). */
export interface ProjectTask {
  readonly databaseUrl: string;
  readonly step: 'project' | 'rebuild';
}

export interface RebuildOutcome {
  /** Timeline events the rebuild read (what `rebuildTeamViewReadModels` answers). */
  readonly rebuilt: number;
  readonly rebuildSeconds: number;
}

childMain<ProjectTask, ProjectionResult | RebuildOutcome>(async ({ databaseUrl, step }, progress) => {
  const db = await openDatabase({ databaseUrl, dataDir: '/nonexistent' });
  try {
    if (step === 'rebuild') {
      const started = Date.now();
      const rebuilt = await rebuildTeamViewReadModels(db);
      return { rebuilt, rebuildSeconds: (Date.now() - started) / 1000 };
    }
    let last = 0;
    return await projectCountry(db, (p) => {
      if (Date.now() - last < 5000 && p.done < p.of) return;
      last = Date.now();
      progress(`  projecting, ${p.stage}: ${p.done.toLocaleString('en')} of ${p.of.toLocaleString('en')}, ${Math.round(p.seconds)} s`);
    });
  } finally {
    await db.close();
  }
});
