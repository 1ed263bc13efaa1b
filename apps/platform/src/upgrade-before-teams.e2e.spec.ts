import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import { SigningKey, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { MockKafkaCluster, describeWithKafka } from '@ips/messaging/testing';
import {
  DISTRIBUTED_SERVICES,
  PlatformConfig,
  RunningDistributed,
  LEGACY_PREFIX,
  databasePrefixOn,
  keyStoreDatabaseUrl,
  openDatabase,
  serviceDatabaseUrl,
  startDistributedInProcess,
} from '@ips/runtime';
import { unpackDataDir } from './fixtures/data-dir-before-teams/data-dir-archive';
import { RunningPlatform, startPlatform } from './platform';
import { TestClock } from './testing/platform-harness';
import { distributedTestConfig } from './testing/distributed-harness';

/** What the fixture recorded of one staff member's view on the commit before teams (capture-seen.cli.ts). */
interface SeenBefore {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
  readonly all: readonly Listed[];
  readonly mine: readonly Listed[];
  readonly timelines: Readonly<Record<string, { readonly status: number; readonly eventIds?: readonly string[] }>>;
}
interface Listed {
  readonly participantId: string;
  readonly phase: string;
}
interface Seen {
  readonly commit: string;
  readonly capturedAt: string;
  readonly samples: readonly string[];
  readonly staff: Readonly<Record<string, SeenBefore>>;
}

/** A team directory and the stores beside it, in one database. */
interface DatabaseCounts {
  readonly participantTeams: readonly { team_id: string; n: number; open: number }[];
  readonly named: number;
  readonly members: number;
  readonly teamEvents: number;
  readonly backfillDone: boolean;
  readonly events: number | null;
  readonly outbox: number | null;
  readonly timeline: number | null;
}

/** A platform of one profile on the fixture's data, started and stopped by the test. */
interface UpgradedWorld {
  readonly key: SigningKey;
  start(): Promise<void>;
  /** Settles and stops the platform. */
  stop(): Promise<void>;
  http(): ReturnType<typeof request>;
  settled(): Promise<void>;
  /** Every database's counts, once every service's directory has read everything there is (the platform running). */
  settledCounts(): Promise<Record<string, DatabaseCounts>>;
  dispose(): Promise<void>;
}

const FIXTURE = path.join(__dirname, 'fixtures', 'data-dir-before-teams');
const seenIn = (file: string): Seen => JSON.parse(readFileSync(path.join(FIXTURE, file), 'utf8')) as Seen;
/** The upgrade step names these as the default team's members; es-amira (named on her own participants) and cw-kim (on none) are left out. */
const NAMED_MEMBERS = ['sup-siri', 'es-ingrid', 'cw-ola', 'dr-lie', 'mw-nina'];
const refused = { status: 404, code: 'PARTICIPANT.NOT_FOUND' };
const DEFAULT_TEAM_ONLY = [{ team_id: DEFAULT_TEAM_ID, n: 40, open: 40 }];

async function countsOf(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<DatabaseCounts> {
  const count = async (table: string): Promise<number | null> => {
    const [exists] = await query(`select to_regclass('${table}') is not null as present`);
    return exists?.['present'] ? Number((await query(`select count(*) as n from ${table}`))[0]?.['n']) : null;
  };
  const [backfill] = await query(`select done from td_backfill where name = 'participants'`);
  return {
    participantTeams: (await query(
      'select team_id, count(*)::int as n, (count(*) filter (where until_date is null))::int as open from td_participant_teams group by team_id',
    )) as unknown as DatabaseCounts['participantTeams'],
    named: (await count('td_named')) ?? 0,
    members: (await count('td_members')) ?? 0,
    teamEvents: (await count('td_events')) ?? 0,
    backfillDone: backfill?.['done'] === true,
    events: await count('es_events'),
    outbox: await count('es_outbox'),
    timeline: await count('tv_timeline'),
  };
}

/** The embedded profile: the data directory the commit before teams wrote (PGlite), unpacked to a temporary directory. */
async function embeddedWorld(clock: TestClock): Promise<UpgradedWorld> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-upgrade-'));
  expect(await unpackDataDir(await readFile(path.join(FIXTURE, 'data-dir.tar.br')), dataDir)).toBeGreaterThan(100);
  const config: PlatformConfig = { port: 0, dataDir, identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [] };
  let platform: RunningPlatform | null = null;
  const world: UpgradedWorld = {
    key: await loadOrCreateSigningKey(dataDir),
    start: async () => {
      platform = await startPlatform(config, clock);
    },
    stop: async () => {
      await platform?.settled();
      await platform?.close();
      platform = null;
    },
    http: () => request((platform as RunningPlatform).app.getHttpServer()),
    settled: () => (platform as RunningPlatform).settled(),
    // PGlite is one process's: read while the platform is stopped.
    settledCounts: async () => {
      await world.stop();
      const db = await openDatabase(config);
      try {
        return { platform: await countsOf((sql) => db.query(sql)) };
      } finally {
        await db.close();
        await world.start();
      }
    },
    dispose: async () => {
      await platform?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

interface TopicRecord {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string | null;
}
const TOPIC = 'ips.participant-events.v1';

/**
 * The distributed profile: each service's database as the commit before teams left it (pg_dump, loaded into fresh
 * databases on DATABASE_URL's server), and Kafka's topic as its brokers held it (every record at its partition and
 * offset, produced again into a fresh mock cluster), as a Kafka that keeps the topic would hold it across the upgrade.
 */
async function distributedWorld(clock: TestClock): Promise<UpgradedWorld> {
  const databaseUrl = process.env['DATABASE_URL'] as string;
  const suffix = `_upgrade_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dumps = await mkdtemp(path.join(os.tmpdir(), 'ips-upgrade-dumps-'));
  await unpackDataDir(await readFile(path.join(FIXTURE, 'distributed.tar.br')), dumps);
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  for (const file of (await readdir(dumps)).filter((name) => name.endsWith('.sql'))) {
    const name = `${file.replace(/\.sql$/, '')}${suffix}`;
    await admin.query(`create database "${name}"`);
    const client = new Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: `/${name}` }).toString() });
    await client.connect();
    await client.query(await readFile(path.join(dumps, file), 'utf8'));
    await client.end();
  }
  // The commit before teams named its databases ips_<service> whatever DATABASE_URL named: found as they are, the
  // upgrade path of databases named from DATABASE_URL (DATABASE_URL here names postgres, whose own do not exist).
  const { prefix, legacy } = await databasePrefixOn(databaseUrl, suffix);
  if (!legacy || prefix !== LEGACY_PREFIX) throw new Error(`the databases from before were not found (prefix ${prefix})`);
  const databaseOf = (service: (typeof DISTRIBUTED_SERVICES)[number]) => new URL(serviceDatabaseUrl(databaseUrl, service, suffix, prefix)).pathname.slice(1);
  const allDatabases = [...DISTRIBUTED_SERVICES.map(databaseOf), new URL(keyStoreDatabaseUrl(databaseUrl, suffix, prefix)).pathname.slice(1)];
  const records = JSON.parse(await readFile(path.join(dumps, 'participant-events.json'), 'utf8')) as TopicRecord[];
  await rm(dumps, { recursive: true, force: true });

  const cluster = await MockKafkaCluster.start();
  const kafka = new Kafka({ clientId: 'upgrade-test', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true, idempotent: false, maxInFlightRequests: 1 });
  await producer.connect();
  for (const partition of [...new Set(records.map((record) => record.partition))]) {
    const messages = records.filter((record) => record.partition === partition).sort((a, b) => a.offset - b.offset);
    await producer.send({ topic: TOPIC, acks: -1, messages: messages.map(({ key, value, headers }) => ({ partition, key, value, headers })) });
  }
  await producer.disconnect();
  const kafkaAdmin = kafka.admin();
  await kafkaAdmin.connect();
  const topicEnds = async () => new Map((await kafkaAdmin.fetchTopicOffsets(TOPIC)).map((end) => [end.partition, Number(end.high)]));
  // At the offsets they had: the services' stored checkpoints (kafka:<topic>/<partition> → offset + 1) still hold.
  const expectedEnds = new Map<number, number>();
  for (const record of records) expectedEnds.set(record.partition, Math.max(expectedEnds.get(record.partition) ?? 0, record.offset + 1));
  expect(await topicEnds()).toEqual(expectedEnds);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-upgrade-distributed-'));
  const { config, identity } = await distributedTestConfig(dataDir, databaseUrl, cluster.brokers);
  let platform: RunningDistributed | null = null;
  const queryIn = (database: string) => async (sql: string) => {
    const reader = new Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: `/${database}` }).toString() });
    await reader.connect();
    try {
      return (await reader.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await reader.end();
    }
  };
  /** Waits until `consumer` in `database` has read the topic to its end (its checkpoints, kafka:<topic>/<partition> → offset + 1). */
  const readToTheEnd = async (database: string, consumer: string, ends: ReadonlyMap<number, number>): Promise<void> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await queryIn(database)(`select stream, position from msg_consumer_checkpoints where consumer = '${consumer}'`);
      const at = new Map(rows.map((row) => [String(row['stream']), Number(row['position'])]));
      if ([...ends].every(([partition, end]) => end === 0 || at.get(`kafka:${TOPIC}/${partition}`) === end)) return;
      if (Date.now() > deadline) throw new Error(`${consumer} in ${database} did not reach the end of the topic: ${JSON.stringify([...at])}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  /**
   * Settled, from the databases: every outbox relayed, then every service's directory and the team view at the end of
   * the topic. Not the platform's settled(): it counts a reaction's progress since its process started, so after a
   * restart on a topic that was read already (as Kafka keeps it) it would wait for messages that never come again.
   */
  const settled = async (): Promise<void> => {
    for (const service of DISTRIBUTED_SERVICES.filter((name) => name !== 'team-view')) {
      const query = queryIn(databaseOf(service));
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [row] = await query(
          `select coalesce((select max(position) from es_outbox), 0) as head, coalesce((select position from es_checkpoints where name = 'outbox-relay:${service}'), 0) as relayed`,
        );
        if (Number(row?.['relayed']) >= Number(row?.['head'])) break;
        if (Date.now() > deadline) throw new Error(`the ${service} outbox was not relayed: ${JSON.stringify(row)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const ends = await topicEnds();
    for (const service of DISTRIBUTED_SERVICES) await readToTheEnd(databaseOf(service), 'team-directory', ends);
    await readToTheEnd(databaseOf('team-view'), 'team-view', ends);
  };
  const world: UpgradedWorld = {
    key: await loadOrCreateSigningKey(dataDir),
    start: async () => {
      platform = await startDistributedInProcess(config, clock, suffix);
    },
    stop: async () => {
      await settled();
      await platform?.close();
      platform = null;
    },
    http: () => request((platform as RunningDistributed).app.getHttpServer()),
    settled,
    settledCounts: async () => {
      await settled();
      const counts: Record<string, DatabaseCounts> = {};
      for (const service of DISTRIBUTED_SERVICES) counts[service] = await countsOf(queryIn(databaseOf(service)));
      return counts;
    },
    dispose: async () => {
      await platform?.close();
      await kafkaAdmin.disconnect();
      await identity.close();
      await cluster.stop();
      for (const name of allDatabases) await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * The upgrade test (issue 21): what the commit before teams (7003929) wrote, with `npm run seed` and the reads of
 * capture-seen.cli.ts (see the fixture's README), starts on today's platform, which migrates it: every service's team
 * directory reads the participant events once (the embedded one from its outbox; in the distributed profile from
 * its outbox and Kafka), every participant (v1 referrals) in the default team. While no team is defined staff see
 * what they saw; after the documented step (the administrator defines the default team and names its members) the
 * members see exactly that again, and anyone not named sees only where they are named. A second start changes
 * nothing. It reads only the committed fixture, never git history.
 */
function upgradeSuite(seen: Seen, open: (clock: TestClock) => Promise<UpgradedWorld>): void {
  // The moment the fixture recorded what staff saw: no deadline (the contact line's escalations) has passed since.
  const clock = new TestClock(new Date(seen.capturedAt));
  let world: UpgradedWorld;
  const tokens = new Map<string, string>();
  const auth = (sub: string) => ({ Authorization: `Bearer ${tokens.get(sub) as string}` });

  const caseload = async (sub: string, scope: 'all' | 'mine'): Promise<Listed[]> => {
    const answer = await world.http().get(`/team-view/participants?scope=${scope}`).set(auth(sub)).expect(200);
    return (answer.body.participants as Listed[])
      .map(({ participantId, phase }) => ({ participantId, phase }))
      .sort((a, b) => a.participantId.localeCompare(b.participantId));
  };
  const timelines = async (sub: string): Promise<SeenBefore['timelines']> => {
    const result: Record<string, { status: number; eventIds?: string[] }> = {};
    for (const participantId of seen.samples) {
      const answer = await world.http().get(`/team-view/participants/${participantId}/timeline`).set(auth(sub));
      result[participantId] =
        answer.status === 200
          ? { status: 200, eventIds: (answer.body.entries as { eventId: string }[]).map((entry) => entry.eventId) }
          : { status: answer.status };
    }
    return result;
  };
  /** The staff member sees what the fixture recorded they saw on the commit before teams. */
  const expectSeenAsBefore = async (sub: string): Promise<void> => {
    const before = seen.staff[sub] as SeenBefore;
    expect({ sub, all: await caseload(sub, 'all') }).toEqual({ sub, all: before.all });
    expect({ sub, mine: await caseload(sub, 'mine') }).toEqual({ sub, mine: before.mine });
    expect({ sub, timelines: await timelines(sub) }).toEqual({ sub, timelines: before.timelines });
  };
  let migrated: Record<string, DatabaseCounts>;

  beforeAll(async () => {
    world = await open(clock);
    for (const { sub, agency, role } of Object.values(seen.staff)) tokens.set(sub, await issueToken(world.key, { sub, agency, role }));
    tokens.set('adm-hilde', await issueToken(world.key, { sub: 'adm-hilde', agency: 'programme', role: 'administrator' }));
    await world.start();
  });
  afterAll(() => world?.dispose());

  it('starts on it (health 200) and lists the 40 participants of the seeded history', async () => {
    await world.http().get('/health').expect(200);
    expect(seen.staff['sup-siri']?.all).toHaveLength(40);
    expect(await caseload('sup-siri', 'all')).toHaveLength(40);
  });

  it('while no team is defined, every staff member sees what they saw before', async () => {
    expect((await world.http().get('/programme/teams').set(auth('adm-hilde')).expect(200)).body.teams).toEqual([]);
    for (const sub of Object.keys(seen.staff)) await expectSeenAsBefore(sub);
  });

  it('migrated: every directory has every participant in the default team, and the people named on the records', async () => {
    migrated = await world.settledCounts();
    for (const [database, counts] of Object.entries(migrated)) {
      expect({ database, teams: counts.participantTeams, backfillDone: counts.backfillDone }).toEqual({
        database,
        teams: DEFAULT_TEAM_ONLY,
        backfillDone: true,
      });
      expect({ database, members: counts.members, teamEvents: counts.teamEvents }).toEqual({ database, members: 0, teamEvents: 0 });
    }
    // Named: each enrolment's specialist and contact person, each treatment-team clinician, each municipal contact.
    const named = Object.values(migrated).map((counts) => counts.named);
    expect(new Set(named).size).toBe(1);
    expect(named[0]).toBeGreaterThan(40);
  });

  it('the upgrade step: the administrator defines the default team and names its members', async () => {
    await world
      .http()
      .put(`/programme/teams/${DEFAULT_TEAM_ID}`)
      .set(auth('adm-hilde'))
      .send({ name: 'IPS Trondheim', municipality: 'Trondheim', timeZone: 'Europe/Oslo' })
      .expect(201);
    for (const sub of NAMED_MEMBERS) {
      const { agency, role } = seen.staff[sub] as SeenBefore;
      await world.http().post(`/programme/teams/${DEFAULT_TEAM_ID}/members`).set(auth('adm-hilde')).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    await world.settled();
    const [team, ...others] = (await world.http().get('/programme/teams').set(auth('adm-hilde')).expect(200)).body.teams as {
      teamId: string;
      members: { sub: string }[];
    }[];
    expect(others).toEqual([]);
    expect(team?.teamId).toBe(DEFAULT_TEAM_ID);
    expect(team?.members.map((member) => member.sub).sort()).toEqual([...NAMED_MEMBERS].sort());
    // The welfare office has every participant on the default team: a transfer there is to the team they are on.
    const transfer = await world
      .http()
      .post(
        `/welfare-office/participants/${(seen.staff['sup-siri'] as SeenBefore).all.find((listed) => listed.phase === 'job-search')?.participantId}/transfer`,
      )
      .set(auth('sup-siri'))
      .send({ toTeamId: DEFAULT_TEAM_ID, reason: 'upgrade test' })
      .expect(409);
    expect(transfer.body.code).toBe('TEAM.SAME_TEAM');
  });

  it("after the step, the default team's members see exactly what they saw before", async () => {
    await world.settledCounts();
    for (const sub of NAMED_MEMBERS) await expectSeenAsBefore(sub);
  });

  it('after the step, staff not named on the team see only the participants whose record names them', async () => {
    // es-amira read every participant before; now only those she is the employment specialist of.
    const amira = seen.staff['es-amira'] as SeenBefore;
    expect(amira.mine.length).toBeGreaterThan(0);
    expect(await caseload('es-amira', 'all')).toEqual(amira.mine);
    const notHers = amira.all.find((listed) => !amira.mine.some((mine) => mine.participantId === listed.participantId)) as Listed;
    expect((await world.http().get(`/team-view/participants/${notHers.participantId}`).set(auth('es-amira')).expect(404)).body).toMatchObject(refused);
    // cw-kim is named nowhere: nothing listed, and each participant is the 404 of an unknown one.
    expect(await caseload('cw-kim', 'all')).toEqual([]);
    for (const participantId of seen.samples) {
      expect((await world.http().get(`/team-view/participants/${participantId}/timeline`).set(auth('cw-kim')).expect(404)).body).toMatchObject(refused);
    }
    await world.http().get(`/team-view/participants/${randomUUID()}`).set(auth('cw-kim')).expect(404);
  });

  it('starts again on the migrated data: nothing applied twice, the same views', async () => {
    const before = await world.settledCounts();
    for (const [database, counts] of Object.entries(before)) {
      expect({ database, teams: counts.participantTeams, members: counts.members, teamEvents: counts.teamEvents, named: counts.named }).toEqual({
        database,
        teams: DEFAULT_TEAM_ONLY,
        members: NAMED_MEMBERS.length,
        teamEvents: 1 + NAMED_MEMBERS.length,
        named: migrated[database]?.named,
      });
    }
    await world.stop();
    await world.start();
    await world.http().get('/health').expect(200);
    for (const sub of NAMED_MEMBERS) await expectSeenAsBefore(sub);
    expect(await caseload('cw-kim', 'all')).toEqual([]);
    expect(await world.settledCounts()).toEqual(before);
  });
}

describe('upgrade: a data directory from the commit before teams starts, migrates and shows staff what they saw (embedded)', () => {
  jest.setTimeout(120_000);
  upgradeSuite(seenIn('seen-before.json'), embeddedWorld);
});

describeWithKafka(
  "upgrade: the services' databases and Kafka's topic from the commit before teams start, migrate and show staff what they saw (distributed)",
  () => {
    jest.setTimeout(180_000);
    upgradeSuite(seenIn('seen-before.distributed.json'), distributedWorld);
  },
  { databaseServer: true },
);
