import { markDemoTeam } from '@ips/runtime';
import { PlatformHarness } from '../testing/platform-harness';
import { seedDemoTeam } from './demo-team.seed';
import { httpSend } from './http-send';

describe('npm run seed: the demo team through the HTTP API', () => {
  let harness: PlatformHarness;
  const as = async (claims: { sub: string; agency: string; role: string }) => ({ Authorization: `Bearer ${await harness.token(claims)}` });

  beforeAll(async () => {
    harness = await PlatformHarness.start();
  });
  afterAll(() => harness.stop());

  it('fills an empty platform with three specialists’ caseloads across the lifecycle, employers, placements, flags and requests', async () => {
    const counts = await seedDemoTeam(await httpSend(harness.platform.url, harness.config.dataDir), harness.clock.now());
    await harness.platform.settled();
    expect(counts).toEqual({
      participants: 40,
      byPhase: { referred: 4, 'referral-withdrawn': 1, enrolled: 7, 'job-search': 15, employed: 11, discharged: 2 },
      employers: 6,
      placements: 16,
      relapseFlags: 4,
      contactRequests: 4,
    });

    const supervisor = await as({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
    const all = (await harness.http.get('/team-view/participants?scope=all').set(supervisor).expect(200)).body.participants as { phase: string }[];
    expect(all).toHaveLength(40);
    const phases = all.reduce<Record<string, number>>((tally, p) => ({ ...tally, [p.phase]: (tally[p.phase] ?? 0) + 1 }), {});
    // As the welfare office sees them: an action plan starts the job search, and the two employed participants whose
    // consent leaves the employer out of the circle show no job to the welfare office.
    expect(phases).toEqual({ referred: 4, 'referral-withdrawn': 1, 'job-search': 24, 'follow-along': 9, discharged: 2 });

    const board = (await harness.http.get('/team-view/board').set(supervisor).expect(200)).body.specialists as { employmentSpecialistId: string; caseload: number }[];
    expect(board.map((row) => row.employmentSpecialistId).sort()).toEqual(['es-amira', 'es-ingrid', 'es-jonas']);
    expect(board.reduce((sum, row) => sum + row.caseload, 0)).toBe(33);

    const clinician = await as({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    const flagged = ((await harness.http.get('/team-view/participants').set(clinician).expect(200)).body.participants as { relapseRisk: unknown }[]).filter((p) => p.relapseRisk);
    expect(flagged).toHaveLength(4);

    const municipal = await as({ sub: 'mw-nina', agency: 'municipality', role: 'municipal-worker' });
    expect((await harness.http.get('/team-view/participants').set(municipal).expect(200)).body.participants.length).toBeGreaterThan(0);

    // The demo sign-in is off until the seed marks the data directory (as npm run seed does once the team is in),
    // and then on for the platform already running.
    await harness.http.get('/auth/demo-users').expect(404);
    await markDemoTeam(harness.config.dataDir, { participants: counts.participants });
    const users = (await harness.http.get('/auth/demo-users').expect(200)).body.users as { agency: string }[];
    expect(users.filter((user) => user.agency === 'participant')).toHaveLength(40);
    expect(users.filter((user) => user.agency === 'employer')).toHaveLength(6);
  });
});
