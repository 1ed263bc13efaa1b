import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { SharedEvent } from '@ips/contracts';
import { topics } from '@ips/messaging';
import { KafkaBus } from '@ips/messaging/kafka';
import { MockKafkaCluster, asBusMessage, describeWithKafka, welfareOfficeEvent } from '@ips/messaging/testing';
import { DevIdentityProvider, startDevIdentityProvider } from '@ips/runtime';
import { uuidv7 } from '@ips/utils';

const DATABASE_URL = process.env['DATABASE_URL'];
const root = path.resolve(__dirname, '../..');

const event = welfareOfficeEvent;

/** Five events for each of 1,000 participants: referral, enrolment and three contacts. */
function participantEvents(): SharedEvent[] {
  return Array.from({ length: 1000 }, (_, p) => {
    const id = randomUUID();
    return [
      event(id, 0, 'ParticipantReferred', { givenName: `P${p}`, familyName: 'Test', birthDate: '1990-01-01', referredBy: 'self' }),
      event(id, 1, 'ParticipantEnrolled', { employmentSpecialistId: `es-${p % 7}`, contactPersonId: 'cw-ola' }),
      ...[2, 3, 4].map((n) => event(id, n, 'ParticipantContactRecorded', { contactedOn: '2026-01-02', mode: 'in-person', inCommunity: true })),
    ];
  }).flat();
}

const asMessage = asBusMessage;

const until = async (what: string, condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describeWithKafka(
  'the team-view service killed with SIGKILL while 5,000 events stream in over Kafka',
  () => {
    jest.setTimeout(240_000);
    let cluster: MockKafkaCluster;
    let publisher: KafkaBus;
    let dataDir: string;
    let db: Client;
    let teamView: ChildProcess | null = null;
    let identity: DevIdentityProvider;
    const databaseName = `ips_team_view_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
    const databaseUrl = (): string => {
      const url = new URL(DATABASE_URL as string);
      url.pathname = `/${databaseName}`;
      return url.toString();
    };

    const startTeamView = (): ChildProcess => {
      const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/team-view/src/main.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: '0',
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl(),
          // The team view only opens keys; its own database stands in for the shared key store here.
          KEY_STORE_URL: databaseUrl(),
          KAFKA_BROKERS: cluster.brokers.join(','),
          AUTH_IDENTITY_PROVIDERS: `${identity.provider.issuer}|${identity.provider.jwksUrl}|${identity.provider.audience}`,
        },
        stdio: 'ignore',
      });
      return child;
    };

    const count = async (sql: string): Promise<number> => {
      try {
        const result = await db.query<{ n: string }>(sql);
        return Number(result.rows[0]?.n ?? 0);
      } catch {
        return 0; // the service has not created its tables yet
      }
    };

    beforeAll(async () => {
      cluster = await MockKafkaCluster.start();
      publisher = new KafkaBus({ brokers: cluster.brokers, clientId: 'test-publisher', logLevel: 'nothing' });
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-team-view-crash-'));
      identity = await startDevIdentityProvider(dataDir);
      const admin = new Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`create database "${databaseName}"`);
      await admin.end();
      db = new Client({ connectionString: databaseUrl() });
      await db.connect();
    });

    afterAll(async () => {
      teamView?.kill('SIGKILL');
      await identity?.close();
      await publisher?.close();
      await db?.end();
      await cluster?.stop();
      const admin = new Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${databaseName}" with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('shows every event exactly once after a restart; duplicates and bad messages change nothing', async () => {
      const events = participantEvents();
      teamView = startTeamView();
      await publisher.publish(events.slice(0, 100).map(asMessage));
      await until('the team view to apply its first events', async () => (await count('select count(*) as n from tv_timeline')) > 0);

      // Stream the rest in batches; kill the team view without warning a third of the way in.
      for (let from = 100; from < events.length; from += 100) {
        await publisher.publish(events.slice(from, from + 100).map(asMessage));
        if (from === 1600) {
          await until('the team view to be mid-stream', async () => (await count('select count(*) as n from tv_timeline')) >= 600);
          teamView.kill('SIGKILL');
          await new Promise((resolve) => teamView?.once('exit', resolve));
        }
      }
      // The same messages again (a relay retry after a lost acknowledgement), a malformed one and an unknown version.
      await publisher.publish(events.slice(0, 200).map(asMessage));
      const malformed = { ...events[0], id: uuidv7(), data: { givenName: 'No birth date' } } as SharedEvent;
      const unknownVersion = { ...events[1], id: uuidv7(), version: 9 } as SharedEvent;
      await publisher.publish([malformed, unknownVersion].map(asMessage));
      const stillThere = await count('select count(*) as n from tv_timeline');
      expect(stillThere).toBeLessThan(events.length);

      teamView = startTeamView();
      const ends = await publisher.ends();
      const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
      expect(total).toBe(events.length + 200 + 2);
      await until(
        'the team view to consume every message',
        async () => (await count(`select coalesce(sum(position), 0) as n from msg_consumer_checkpoints where consumer = 'team-view'`)) === total,
      );

      expect(await count('select count(*) as n from tv_timeline')).toBe(events.length);
      expect(await count('select count(distinct event_id) as n from tv_timeline')).toBe(events.length);
      expect(await count('select count(*) as n from tv_caseload')).toBe(1000);
      expect(await count(`select count(*) as n from msg_processed_messages where consumer = 'team-view'`)).toBe(events.length + 2);
      // The service's team directory reads the same bus in its own group, and dead-letters the same two under its own name.
      const letters = await db.query<{ message_id: string; reason: string }>(
        "select message_id, reason from msg_dead_letters where consumer = 'team-view' order by id",
      );
      expect(letters.rows).toEqual([
        { message_id: malformed.id, reason: 'invalid ParticipantReferred.v1' },
        { message_id: unknownVersion.id, reason: 'unknown event ParticipantEnrolled.v9' },
      ]);

      // The same two, with their reasons, on the dead-letter topic for whoever watches it.
      const kafka = new Kafka({ clientId: 'dead-letter-reader', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING });
      const reader = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 200 });
      const parked: [string, string][] = [];
      await reader.connect();
      await reader.subscribe({ topic: topics.deadLetters(topics.participantEvents), fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          // The team directory's group parks them too, under its own name.
          if (String(message.headers?.['dead_letter_group']) !== 'team-view') return;
          parked.push([String(message.headers?.['ce_id']), String(message.headers?.['dead_letter_reason'])]);
        },
      });
      await until('the dead letters', async () => parked.length >= 2, 30_000);
      await reader.disconnect();
      expect(parked.sort()).toEqual(
        [
          [malformed.id, 'invalid ParticipantReferred.v1'],
          [unknownVersion.id, 'unknown event ParticipantEnrolled.v9'],
        ].sort(),
      );
    });
  },
  { databaseServer: true },
);
