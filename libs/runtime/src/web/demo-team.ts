import { statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { SigningKey } from '@ips/access';
import { DemoSignInSetting } from '../config';

/**
 * The file in the data directory that says it holds the demo team: `npm run seed` writes it once the team is in.
 * A file next to the token signing key rather than a row in the database: whoever can write it can read the key and
 * sign any token anyway, so it gives nothing away; the seed can write it whether it started the platform itself or
 * talks to a running one over HTTP (the embedded engine admits one process); and the platform sees it on the next
 * request, without an API route that would switch sign-in on.
 */
export const DEMO_TEAM_MARKER = 'demo-team.json';

/** Marks the data directory as holding the demo team (synthetic data): the demo sign-in turns on, at once. */
export async function markDemoTeam(dataDir: string, details: Record<string, unknown> = {}): Promise<string> {
  const file = path.join(dataDir, DEMO_TEAM_MARKER);
  await mkdir(dataDir, { recursive: true });
  const draft = `${file}.${process.pid}.draft`;
  await writeFile(
    draft,
    `${JSON.stringify({ note: 'written by npm run seed: this data directory holds the synthetic demo team, so the demo sign-in is on (DEMO_SIGN_IN=off turns it off)', markedAt: new Date().toISOString(), ...details }, null, 2)}\n`,
    { mode: 0o600 },
  );
  await rename(draft, file);
  return file;
}

/** Whether the data directory holds the demo team (its marker is a file there). */
export const holdsDemoTeam = (dataDir: string): boolean => statSync(path.join(dataDir, DEMO_TEAM_MARKER), { throwIfNoEntry: false })?.isFile() === true;

/** Why the demo sign-in is off: no demo team in the data (it can be turned on for a try-out), or DEMO_SIGN_IN=off. */
export type DemoSignInOff = 'no-demo-team' | 'switched-off';

/**
 * The embedded platform's demo sign-in switch, asked on every request to /auth (a stat of one file): DEMO_SIGN_IN=on
 * or off decides alone; without it, the demo team's marker does, so `npm run seed` against a running platform turns
 * the sign-in on without a restart.
 */
/** Said once per process (tests start many platforms). */
let warned = false;

export class DemoSignInSwitch {
  constructor(
    readonly setting: DemoSignInSetting,
    private readonly dataDir: string,
    private readonly logger: Pick<Logger, 'warn'> = new Logger('demo-sign-in'),
  ) {}

  /** Undefined while on; else why it is off. */
  offBecause(): DemoSignInOff | undefined {
    if (this.setting === 'off') return 'switched-off';
    if (this.setting === 'demo-team' && !holdsDemoTeam(this.dataDir)) return 'no-demo-team';
    if (!warned) {
      warned = true;
      this.logger.warn(
        `demo sign-in is on (${this.setting === 'on' ? 'DEMO_SIGN_IN=on' : `${this.dataDir} holds the demo team`}): ` +
          'anyone who reaches this port can sign in as any demo user (DEMO_SIGN_IN=off turns it off)',
      );
    }
    return undefined;
  }

  isOn(): boolean {
    return this.offBecause() === undefined;
  }
}

/** The embedded platform's demo sign-in: its switch, the key its tokens are signed with, and how long they live. */
export interface DemoSignIn {
  readonly switch: DemoSignInSwitch;
  readonly key: SigningKey;
  /** 8 hours, or the configured maximum lifetime of a token if that is shorter. */
  readonly tokenSeconds: number;
}

/** A demo sign-in token lives 8 hours (a working day), never longer than tokens may live here. */
export const demoTokenSeconds = (maxLifetimeHours: number): number => Math.min(8 * 3600, Math.floor(maxLifetimeHours * 3600));
