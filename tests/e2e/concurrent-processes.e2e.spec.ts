import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { issueToken, loadOrCreateSigningKey } from '@ips/access';
import { DevIdentityProvider, startDevIdentityProvider } from '@ips/runtime';
import { streamId } from '@ips/kernel';
import { healthy } from './testing/healthy';

const DATABASE_URL = process.env['DATABASE_URL'];
const root = path.resolve(__dirname, '../..');

const suite = (): void => {
  jest.setTimeout(180_000);
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const databases = [`ips_concurrent_${suffix}`, `ips_concurrent_${suffix}_keys`];
  const urlOf = (name: string): string => {
    const url = new URL(DATABASE_URL as string);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const ports = [0, 1].map(() => 20_000 + Math.floor(Math.random() * 20_000));
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  let dataDir: string;
  let identity: DevIdentityProvider;
  let children: ChildProcess[] = [];

  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-concurrent-'));
    identity = await startDevIdentityProvider(dataDir);
    for (const name of databases) await admin(`create database "${name}"`);
    // Two processes of the welfare-office service on one database, as a service scaled out behind a load balancer.
    children = ports.map((port) =>
      spawn(process.execPath, ['-r', './tools/register.js', 'apps/welfare-office/src/main.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          DATABASE_URL: urlOf(databases[0] as string),
          KEY_STORE_URL: urlOf(databases[1] as string),
          KAFKA_BROKERS: '',
          AUTH_IDENTITY_PROVIDERS: `${identity.provider.issuer}|${identity.provider.jwksUrl}|${identity.provider.audience}`,
        },
        stdio: 'ignore',
      }),
    );
    await Promise.all(bases.map((base) => healthy(base, 90_000)));
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await identity?.close();
    for (const name of databases) await admin(`drop database if exists "${name}" with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 201 or 409 to 40 simultaneous commands on one participant through two processes, and stores exactly the 201s', async () => {
    const token = await issueToken(await loadOrCreateSigningKey(dataDir), { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = (base: string, route: string, body: object) => fetch(`${base}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const referred = await post(bases[0] as string, '/welfare-office/referrals', {
      givenName: 'Siv',
      familyName: 'Berg',
      birthDate: '1990-05-17',
      referredBy: 'self',
    });
    expect(referred.status).toBe(201);
    const { participantId } = (await referred.json()) as { participantId: string };
    const enrolled = await post(bases[1] as string, `/welfare-office/participants/${participantId}/enrolment`, {
      employmentSpecialistId: 'es-ingrid',
      contactPersonId: 'cw-ola',
    });
    expect(enrolled.status).toBe(201);

    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const response = await post(bases[n % 2] as string, `/welfare-office/participants/${participantId}/contacts`, {
          contactedOn: '2026-02-02',
          mode: 'phone',
          inCommunity: false,
        });
        const text = await response.text();
        return { status: response.status, type: response.headers.get('content-type'), body: (text ? JSON.parse(text) : {}) as { code?: string } };
      }),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.code).toBe('STREAM.CONCURRENT_WRITE');
    }
    const db = new Client({ connectionString: urlOf(databases[0] as string) });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>(`select count(*) as n from es_events where stream_id = $1 and type = 'ParticipantContactRecorded'`, [
        streamId('welfare-office.participant', participantId),
      ]);
      expect(Number(rows[0]?.n)).toBe(statuses.filter((status) => status === 201).length);
    } finally {
      await db.end();
    }
  });
};

if (DATABASE_URL) {
  describe('two processes of one service writing one participant at the same moment', suite);
} else if (process.env['CI']) {
  describe('two processes of one service writing one participant at the same moment', () => {
    it('needs a PostgreSQL server', () => {
      throw new Error('DATABASE_URL is required in CI: this suite runs two processes against one PostgreSQL server');
    });
  });
} else {
  describe.skip('two processes of one service writing one participant (skipped: set DATABASE_URL to a PostgreSQL server)', () => {
    it('runs two processes against one PostgreSQL server', () => undefined);
  });
}
