import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { issueToken, loadOrCreateSigningKey } from '@ips/access';
import { healthy } from './testing/healthy';

const root = path.resolve(__dirname, '../..');
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;

function startProcess(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-r', './tools/register.js', 'apps/platform/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the embedded platform killed with SIGKILL', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-crash-'));
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, and the team view catches up after the restart', async () => {
    child = startProcess(dataDir);
    await healthy(base);
    const token = await issueToken(await loadOrCreateSigningKey(dataDir), {
      sub: 'cw-ola',
      agency: 'welfare-office',
      role: 'caseworker',
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const response = await fetch(`${base}/welfare-office/referrals`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ givenName: `P${n}`, familyName: 'Crash', birthDate: '1990-01-01', referredBy: 'self' }),
      });
      expect(response.status).toBe(201);
      const { participantId } = (await response.json()) as { participantId: string };
      const enrolled = await fetch(`${base}/welfare-office/participants/${participantId}/enrolment`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ employmentSpecialistId: 'es-1', contactPersonId: 'cw-ola' }),
      });
      expect(enrolled.status).toBe(201);
      ids.push(participantId);
    }
    const killed = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL'); // right after the last 201: no graceful shutdown, relay maybe mid-way
    await killed;

    child = startProcess(dataDir);
    await healthy(base);
    for (const participantId of ids) {
      const timeline = await eventually(
        async () =>
          (await (await fetch(`${base}/team-view/participants/${participantId}/timeline`, { headers })).json()) as {
            entries?: { type: string }[];
          },
        (body) => (body.entries ?? []).length === 2,
      );
      expect(timeline.entries?.map((entry) => entry.type)).toEqual(['ParticipantReferred', 'ParticipantEnrolled']);
    }
  });
});
