import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SqlDriver } from '@ips/postgres';
import { openDatabase } from '@ips/runtime';
import { TEAM_VIEW_READ_MODELS, rebuildTeamView } from '@ips/team-view';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';
import { PlatformHarness } from './testing/platform-harness';

/** Every row of every stored read model of the team view, each as JSON, sorted: two databases compare row by row. */
async function readModelRows(db: SqlDriver): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of TEAM_VIEW_READ_MODELS.flatMap((model) => model.tables)) {
    const found = await db.query<{ row: unknown }>(`select to_jsonb(t) as row from ${table} t`);
    rows[table] = found.map(({ row }) => JSON.stringify(row)).sort();
  }
  return rows;
}

/**
 * Issue 22: the stored read models are a fold of the log. The demo teams (40 participants across the lifecycle, two
 * teams, placements, relapse flags, employer requests, consent) are written over HTTP and projected live; then a copy
 * of the data directory is rebuilt from its timeline, and every row of every read model must be the one the live
 * projection wrote.
 */
describe('the team view’s stored read models, rebuilt from the log of the e2e data set', () => {
  let harness: PlatformHarness;
  let copy: string;

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    await seedDemoTeam(await httpSend(harness.platform.url, harness.config.dataDir), harness.clock.now());
    await harness.platform.settled();
    copy = await mkdtemp(path.join(os.tmpdir(), 'ips-rebuild-copy-'));
    // The embedded database is one process's: copied while the platform is stopped.
    await harness.restart(() => cp(harness.config.dataDir, copy, { recursive: true }));
  }, 120_000);

  afterAll(async () => {
    await harness.stop();
    await rm(copy, { recursive: true, force: true });
  });

  it('are, row by row, what a rebuild from the timeline gives on a copy', async () => {
    const db = await openDatabase({ dataDir: copy });
    try {
      const live = await readModelRows(db);
      expect(live['tv_participant_views']?.length).toBeGreaterThan(40);
      expect(live['tv_outcome_participants']?.length).toBeGreaterThan(0);
      expect(live['tv_fidelity_facts']?.length).toBeGreaterThan(30);
      const result = await rebuildTeamView(db, { pageSize: 7 });
      expect(result.complete).toBe(true);
      expect(await readModelRows(db)).toEqual(live);
    } finally {
      await db.close();
    }
  }, 120_000);
});
