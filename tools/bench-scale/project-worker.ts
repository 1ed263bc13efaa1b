/**
 * The scale bench's projection process: the bulk projection of a generated country (project.ts), then the team
 * view's rebuild of its read models from the timeline (`rebuildTeamViewReadModels`, timed: the rebuild rate). On a
 * server's database, or on PGlite in the embedded platform's data directory.
 */
import { PgliteDriver } from '@ips/postgres';
import { openDatabase } from '@ips/runtime';
import { rebuildTeamViewReadModels } from '@ips/team-view';
import { childMain } from './child';
import { ProjectionResult, projectCountry } from './project';

/** `project`: the bulk projection; `rebuild`: the rebuild alone (a process of its own, so its RSS is its own). */
export interface ProjectTask {
  /** The server's database; without it, PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly step: 'project' | 'rebuild';
}

export interface RebuildOutcome {
  /** Timeline events the rebuild read (what `rebuildTeamViewReadModels` answers). */
  readonly rebuilt: number;
  readonly rebuildSeconds: number;
  /** PGlite only: the `vacuum (analyze)` after it (untimed above), what the embedded platform's timer would do. */
  readonly vacuumSeconds?: number;
}

childMain<ProjectTask, ProjectionResult | RebuildOutcome>(async ({ databaseUrl, dataDir, step }, progress) => {
  const db = await openDatabase(databaseUrl ? { databaseUrl, dataDir: '/nonexistent' } : { dataDir: dataDir ?? '/nonexistent' });
  try {
    if (step === 'rebuild') {
      const started = Date.now();
      const rebuilt = await rebuildTeamViewReadModels(db);
      const rebuildSeconds = (Date.now() - started) / 1000;
      if (!(db instanceof PgliteDriver)) return { rebuilt, rebuildSeconds };
      // PGlite has no autovacuum: the planner learns the tables' sizes from this (the platform vacuums every minute).
      const vacuumStarted = Date.now();
      await db.vacuum();
      return { rebuilt, rebuildSeconds, vacuumSeconds: (Date.now() - vacuumStarted) / 1000 };
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
