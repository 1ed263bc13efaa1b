/**
 * The scale bench's generator (tools/bench-scale): a small country (~30 participants) written through the real
 * append (two worker processes, as the bench writes) into a fresh database on DATABASE_URL's server, projected in
 * bulk as the bench does (project.ts, then the team view's rebuild), the embedded platform started on it, then
 * checked: every shared event in the outbox passes its contract, the bulk projection leaves what the live consumers
 * would (the timeline row for row, the checkpoints at the head), the team view lists exactly the generated
 * participants to a supervisor of their team, and a long history's timeline has the entry types its commands make.
 * Skipped without DATABASE_URL outside CI, as the other server suites are; in CI that fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { contracts, isTeamEvent, teamContracts } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PgDriver } from '@ips/postgres';
import { openDatabase } from '@ips/runtime';
import { rebuildTeamViewReadModels } from '@ips/team-view';
// tools/ is no Nx project: the bench's generator is tested where it lives, by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ParticipantPlan, allParticipants } from '../../tools/bench-scale/plan';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ProjectionResult, projectCountry } from '../../tools/bench-scale/project';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEFAULT_END } from '../../tools/bench-scale/generate';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  CountryStore,
  GenerateResult,
  PlatformOnCountry,
  ScaleDatabase,
  freshDatabase,
  generateCountry,
  openCountryStore,
  planFingerprint,
  startOn,
} from '../../tools/bench-scale/scale';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL && process.env.CI) {
  // As the other server suites: in CI a missing server is a failure, not a skip.
  throw new Error('DATABASE_URL is required in CI: the scale generator is tested against a PostgreSQL server');
}
const describeWithServer = DATABASE_URL ? describe : describe.skip;

describeWithServer('bench:scale generator', () => {
  let database: ScaleDatabase;
  let generated: GenerateResult;
  let projection: ProjectionResult;
  let country: PlatformOnCountry;
  let participants: ParticipantPlan[];

  beforeAll(async () => {
    database = await freshDatabase(DATABASE_URL as string, `int_${process.pid}_${randomBytes(3).toString('hex')}`);
    generated = await generateCountry({ databaseUrl: database.url, participants: 30, seed: 7, workers: 2, concurrency: 8 });
    participants = allParticipants(generated.plan);
    const db = new PgDriver({ connectionString: database.url });
    try {
      projection = await projectCountry(db);
      await rebuildTeamViewReadModels(db);
    } finally {
      await db.close();
    }
    country = await startOn(database.url);
  }, 120_000);

  afterAll(async () => {
    await country?.close();
    await database?.drop();
  });

  const get = async (path: string, actor: { sub: string; agency: string; role: string }): Promise<unknown> => {
    const token = await country.token({ sub: actor.sub, agency: actor.agency, role: actor.role });
    const response = await fetch(country.url + path, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('writes histories that look real: one team, enrolled and discharged, over years', () => {
    const { plan, events, outbox } = generated;
    expect(plan.teams).toHaveLength(1);
    expect(generated.participants).toBe(30);
    expect(generated.participantsDone).toBe(30);
    expect(generated.workers).toHaveLength(2);
    // The same plan every time: a participant's history depends only on the seed and its index.
    expect(generated.plan.participant(17)).toEqual(participants[17]);
    const statuses = new Set(participants.map((p) => p.status));
    expect(statuses).toContain('enrolled');
    expect(statuses).toContain('discharged');
    const kinds = new Set(participants.flatMap((p) => p.steps.map((step) => step.kind)));
    for (const kind of [
      'refer',
      'enrol',
      'consent',
      'contact',
      'employer-contact',
      'start-placement',
      'follow-along',
      'end-placement',
      'raise-flag',
      'clear-flag',
      'discharge',
    ]) {
      expect(kinds).toContain(kind);
    }
    // About a hundred shared events a participant over the years (the 10 million at 100,000).
    expect(outbox).toBeGreaterThan(participants.length * 50);
    expect(events).toBeGreaterThanOrEqual(outbox);
    // Spread over the five years before the end.
    const referred = participants.map((p) => (p.steps[0] as { at: string }).at).sort();
    expect(Date.parse(plan.end) - Date.parse(referred[0] as string)).toBeGreaterThan(3 * 365 * 86_400_000);
  });

  it('puts only shared events that pass their contracts in the outbox, sealed as the pipeline seals them', async () => {
    const db = new PgDriver({ connectionString: database.url });
    try {
      const store = await PostgresEventStore.open(db);
      const messages = await store.readOutbox(0, 1_000_000);
      expect(messages.length).toBe(generated.outbox);
      const types = new Set<string>();
      for (const message of messages) {
        const payload = message.payload as Record<string, unknown>;
        const checked = isTeamEvent(payload as never) ? teamContracts.validate(payload) : contracts.validate(payload);
        if (!checked.ok) throw new Error(`${message.type}: ${checked.reason} ${JSON.stringify(checked.errors)}`);
        types.add(message.type);
      }
      expect([...types]).toEqual(
        expect.arrayContaining(['ParticipantReferred.v2', 'ParticipantEnrolled.v1', 'ConsentGiven.v1', 'PlacementStarted.v1', 'TeamDefined.v1']),
      );
      // A referral's names are sealed with the participant's key: no name in the clear.
      const referral = messages.find((message) => message.type === 'ParticipantReferred.v2');
      const referred = participants.find((p) => p.participantId === referral?.key) as ParticipantPlan;
      const step = referred.steps[0] as { data: { givenName: string; familyName: string } };
      expect(JSON.stringify(referral?.payload)).not.toContain(`"familyName":"${step.data.familyName}"`);
      expect(JSON.stringify(referral?.payload)).toContain('"familyName"');
    } finally {
      await db.close();
    }
  });

  it('projects in bulk what the consumers would: every participant event in the timeline in outbox order, the checkpoints at the head', async () => {
    const db = new PgDriver({ connectionString: database.url });
    try {
      const store = await PostgresEventStore.open(db);
      const messages = await store.readOutbox(0, 1_000_000);
      const participantMessages = messages.filter((message) => !isTeamEvent(message.payload as never));
      const rows = await db.query<{
        event_id: string;
        participant_id: string;
        type: string;
        version: number;
        source: string;
        occurred_at: Date;
        event: unknown;
      }>('select event_id, participant_id, type, version, source, occurred_at, event from tv_timeline order by received');
      expect(rows.map((row) => row.event_id)).toEqual(participantMessages.map((message) => message.messageId));
      rows.forEach((row, i) => {
        const payload = participantMessages[i]?.payload as { participantId: string; type: string; version: number; source: string; occurredAt: string };
        expect(row.event).toEqual(payload);
        expect([row.participant_id, row.type, row.version, row.source, row.occurred_at.toISOString()]).toEqual([
          payload.participantId,
          payload.type,
          payload.version,
          payload.source,
          new Date(payload.occurredAt).toISOString(),
        ]);
      });
      expect(projection.head).toBe(messages.length);
      expect(projection.timelineEvents).toBe(participantMessages.length);
      const checkpoints = await db.query<{ consumer: string; position: unknown }>(
        `select consumer, position from msg_consumer_checkpoints where stream = 'outbox:platform' order by consumer`,
      );
      expect(checkpoints.map((row) => [row.consumer, Number(row.position)])).toEqual([
        ['team-directory', messages.length],
        ['team-view', messages.length],
      ]);
      const [relay] = await db.query<{ position: unknown }>(`select position from es_checkpoints where name = 'outbox-relay:platform'`);
      expect(Number(relay?.position)).toBe(messages.length);
      // The directory knows every participant's team, as its consumer would have recorded it.
      const [teams] = await db.query<{ n: unknown }>('select count(distinct participant_id) as n from td_participant_teams');
      expect(Number(teams?.n)).toBe(participants.length);
    } finally {
      await db.close();
    }
  });

  it("lists exactly the team's generated participants to its supervisor", async () => {
    const { plan } = generated;
    const team = plan.teams[0];
    if (!team) throw new Error('no team');
    const body = (await get('/team-view/participants?scope=all', team.supervisor)) as
      { participants?: { participantId: string }[] } | { participantId: string }[];
    const listed = (Array.isArray(body) ? body : (body.participants ?? [])).map((row) => row.participantId).sort();
    expect(listed).toEqual(participants.map((p) => p.participantId).sort());
  });

  it("shows a long history's timeline with the entry types its commands make", async () => {
    const { plan } = generated;
    const longest = participants.reduce((best, p) => (p.steps.length > best.steps.length ? p : best));
    const owner = plan.teams[0]?.specialists.find((s) => s.sub === longest.specialist);
    if (!owner) throw new Error('no specialist');
    const body = (await get(`/team-view/participants/${longest.participantId}/timeline`, owner)) as { entries?: { type: string }[] } | { type: string }[];
    const entries = Array.isArray(body) ? body : (body.entries ?? []);
    const types = new Set(entries.map((entry) => entry.type));
    const expected: Record<string, string> = {
      refer: 'ParticipantReferred',
      enrol: 'ParticipantEnrolled',
      consent: 'ConsentGiven',
      contact: 'ParticipantContactRecorded',
      'employer-contact': 'EmployerContactMade',
      'start-placement': 'PlacementStarted',
      'follow-along': 'FollowAlongContactMade',
      'end-placement': 'PlacementEnded',
      'raise-flag': 'RelapseRiskFlagRaised',
      'clear-flag': 'RelapseRiskFlagCleared',
      discharge: 'ParticipantDischarged',
    };
    for (const kind of new Set(longest.steps.map((step) => step.kind))) {
      if (expected[kind]) expect(types).toContain(expected[kind]);
    }
    expect(entries.length).toBeGreaterThanOrEqual(longest.steps.length);
  });
});

/**
 * The same generator and projection on PGlite in a data directory (BENCH_SCALE_ENGINE=pglite: the embedded profile as
 * `npm start` runs it), the platform started on that directory, and a kept country reused only for the same plan
 * (BENCH_SCALE_REUSE=1). No server needed.
 */
describe('bench:scale generator on PGlite', () => {
  let root: string;
  let store: CountryStore;
  let generated: GenerateResult;
  let projection: ProjectionResult;
  const plan = { participants: 12, seed: 7, end: DEFAULT_END };
  const fingerprint = (): string => planFingerprint(generated.plan);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-int-'));
    store = await openCountryStore({
      engine: 'pglite',
      serverUrl: 'postgres://unused',
      pgliteRoot: root,
      participants: plan.participants,
      plan: { ...plan, fingerprint: '' },
      reuse: false,
    });
    generated = await generateCountry({
      dataDir: store.target.dataDir as string,
      participants: plan.participants,
      seed: plan.seed,
      workers: 2,
      concurrency: 4,
    });
    const db = await openDatabase({ dataDir: store.target.dataDir as string });
    try {
      projection = await projectCountry(db);
      await rebuildTeamViewReadModels(db);
    } finally {
      await db.close();
    }
  }, 180_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes the country into PGlite in one process and projects every participant event into the timeline', async () => {
    expect(generated.workers).toEqual([]);
    expect(generated.participantsDone).toBe(plan.participants);
    const db = await openDatabase({ dataDir: store.target.dataDir as string });
    try {
      expect(db.engine).toBe('pglite');
      const store = await PostgresEventStore.open(db);
      const messages = await store.readOutbox(0, 1_000_000);
      expect(messages.length).toBe(generated.outbox);
      const participantMessages = messages.filter((message) => !isTeamEvent(message.payload as never));
      const rows = await db.query<{ event_id: string }>('select event_id from tv_timeline order by received');
      expect(rows.map((row) => row.event_id)).toEqual(participantMessages.map((message) => message.messageId));
      expect(projection.timelineEvents).toBe(participantMessages.length);
    } finally {
      await db.close();
    }
  });

  it("serves the team's participants from the PGlite directory to its supervisor", async () => {
    const country = await startOn({ dataDir: store.target.dataDir as string });
    try {
      const team = generated.plan.teams[0];
      if (!team) throw new Error('no team');
      const token = await country.token({ sub: team.supervisor.sub, agency: team.supervisor.agency, role: team.supervisor.role });
      const response = await fetch(`${country.url}/team-view/participants?scope=all`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { participants?: { participantId: string }[] } | { participantId: string }[];
      const listed = (Array.isArray(body) ? body : (body.participants ?? [])).map((row) => row.participantId).sort();
      expect(listed).toEqual(
        allParticipants(generated.plan)
          .map((p) => p.participantId)
          .sort(),
      );
    } finally {
      await country.close();
    }
  }, 60_000);

  it('reuses a kept country only when it was recorded for the same plan', async () => {
    const { plan: _plan, ...figures } = generated;
    await store.record({ plan: { ...plan, fingerprint: fingerprint() }, at: new Date().toISOString(), generated: figures, projection });
    const open = (print: string): Promise<CountryStore> =>
      openCountryStore({
        engine: 'pglite',
        serverUrl: 'postgres://unused',
        pgliteRoot: root,
        participants: plan.participants,
        plan: { ...plan, fingerprint: print },
        reuse: true,
      });
    const same = await open(fingerprint());
    expect(same.reused?.generated.events).toBe(generated.events);
    expect(await readdir(store.target.dataDir as string)).toEqual(expect.arrayContaining(['pglite', 'data-keys']));
    // Another plan (another seed, another team size): the directory is emptied for a fresh generation.
    const other = await open('another plan');
    expect(other.reused).toBeNull();
    expect(await readdir(store.target.dataDir as string)).toEqual([]);
  });
});
