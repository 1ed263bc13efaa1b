import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { Clock } from '@ips/kernel';
import { PlatformConfig } from '@ips/runtime';
import { RunningPlatform, startPlatform } from '../platform';
import { withEmptyDatabases } from './empty-databases';

/** A settable clock for tests: time moves only when the test says so. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** Runs the embedded platform on a temporary data dir (its databases empty, as new); `restart()` keeps the data. */
export class PlatformHarness {
  platform!: RunningPlatform;

  private constructor(
    readonly config: PlatformConfig,
    readonly clock: TestClock,
  ) {}

  static async start(clock = new TestClock(new Date('2026-03-02T09:00:00.000Z')), overrides: Partial<PlatformConfig> = {}): Promise<PlatformHarness> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-platform-'));
    if (!overrides.databaseUrl) await withEmptyDatabases(dataDir);
    const harness = new PlatformHarness({ port: 0, dataDir, identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [], ...overrides }, clock);
    harness.platform = await startPlatform(harness.config, clock);
    return harness;
  }

  get http(): ReturnType<typeof request> {
    return request(this.platform.app.getHttpServer());
  }

  async token(claims: TokenClaims): Promise<string> {
    return issueToken(await loadOrCreateSigningKey(this.config.dataDir), claims);
  }

  /** Stops the platform and starts it again on the same data; `whileStopped` sees the data directory at rest. */
  async restart(whileStopped?: () => Promise<void>): Promise<void> {
    await this.platform.close();
    try {
      await whileStopped?.();
    } finally {
      this.platform = await startPlatform(this.config, this.clock);
    }
  }

  async stop(): Promise<void> {
    await this.platform.close();
    await rm(this.config.dataDir, { recursive: true, force: true });
  }
}
