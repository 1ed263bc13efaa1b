/**
 * The embedded platform (`npm start`) in a process of its own for a benchmark, and the world the employer line's load
 * needs (a participant enrolled and placed, a team with someone on call, tokens): shared by the contact-line and the
 * observability-overhead benchmarks.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';

export interface PlatformProcess {
  readonly base: string;
  readonly process: ChildProcess;
  readonly dataDir: string;
  token(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

export async function call(base: string, method: string, route: string, token: string, body?: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

async function waitForHealth(child: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the platform exited');
    const ok = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the platform did not become healthy');
}

/**
 * Starts the embedded platform on `port`, on PGlite in a fresh DATA_DIR or on a fresh database `database` on
 * DATABASE_URL's server; `env` on top (e.g. METRICS=off). `stop()` ends it and drops what it made.
 */
export async function startPlatformProcess(
  port: number,
  options: { readonly database?: string; readonly env?: Record<string, string>; readonly nodeOptions?: readonly string[] } = {},
): Promise<PlatformProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-bench-'));
  const server = process.env['DATABASE_URL'];
  const databaseUrl = options.database && server ? Object.assign(new URL(server), { pathname: `/${options.database}` }).toString() : '';
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '-r', './tools/register.js', 'apps/platform/src/main.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, CONTACT_LINE_REQUESTS_PER_MINUTE: '100000000', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(child, base);
  const key = await loadOrCreateSigningKey(dataDir);
  return {
    base,
    process: child,
    dataDir,
    token: (claims) => issueToken(key, claims),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
      if (databaseUrl && server) {
        const admin = new Client({ connectionString: server });
        await admin.connect();
        // The platform keeps its participants' data keys in a database of their own beside it (`<name>_keys`).
        for (const name of [options.database, `${options.database}_keys`]) await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  };
}

/** What the employer line's load sends: an employer's token and the body of a routine request for one placement. */
export interface LineWorld {
  readonly employer: string;
  readonly body: string;
  /** A caseworker's token, for commands of the welfare office. */
  readonly caseworker: string;
}

/** A participant enrolled and placed with an employer, and a team whose specialist is on call now. */
export async function lineWorld(platform: PlatformProcess): Promise<LineWorld> {
  const at = (method: string, route: string, token: string, body?: object) => call(platform.base, method, route, token, body);
  const caseworker = await platform.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  const supervisor = await platform.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
  const specialist = await platform.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
  const { participantId } = await at('POST', '/welfare-office/referrals', caseworker, {
    givenName: 'Ola',
    familyName: 'Nordmann',
    birthDate: '1990-05-01',
    referredBy: 'self',
  });
  await at('POST', `/welfare-office/participants/${participantId}/enrolment`, caseworker, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the employer service notes the enrolment from the bus
  const { employerId } = await at('POST', '/employer/employers', specialist, { name: 'Nidar AS', organisationNumber: '912345678' });
  const today = new Date().toISOString().slice(0, 10);
  const { placementId } = await at('POST', '/employer/placements', specialist, {
    participantId,
    employerId,
    jobTitle: 'Packer',
    startDate: today,
    hoursPerWeek: 20,
    hourlyWage: 230,
  });
  const { teamId } = await at('PUT', `/employer/on-call/teams/${crypto.randomUUID()}`, supervisor, {
    name: 'IPS bench',
    timeZone: 'UTC',
    employmentSpecialistIds: ['es-ingrid'],
  });
  const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
  await at('POST', `/employer/on-call/teams/${teamId}/shifts`, supervisor, {
    workerId: 'es-ingrid',
    role: 'employment-specialist',
    from: local(-3_600_000),
    to: local(3 * 3_600_000),
  });
  const employer = await platform.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId: employerId as string });
  const body = JSON.stringify({
    placementId,
    message: 'Ola did not come in today and does not answer the phone.',
    urgency: 'routine',
    callbackPhone: '+4791234567',
  });
  await at('POST', '/employer/contact-requests', employer, JSON.parse(body)); // warm the directories
  return { employer, body, caseworker };
}

/**
 * CPU seconds a process has used (user + system, all its threads), from /proc (Linux; undefined elsewhere). Clock
 * ticks are 1/100 s on Linux. Steadier than requests/s on a shared machine: what one request costs, not how fast.
 * With `thread`, that thread's only (the main thread's id is the process's): the one JavaScript and PGlite run on.
 */
export function cpuSeconds(pid: number | undefined, thread?: number): number | undefined {
  try {
    const fields =
      readFileSync(`/proc/${pid}/${thread === undefined ? '' : `task/${thread}/`}stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
