import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { MockKafkaCluster } from '@ips/messaging/testing';
import {
  DISTRIBUTED_SERVICES,
  DevIdentityProvider,
  PlatformConfig,
  devServiceCredentials,
  employerLineClient,
  RunningDistributed,
  keyStoreDatabaseUrl,
  serviceDatabaseUrl,
  startDevIdentityProvider,
  startDistributedInProcess,
} from '@ips/runtime';
import { TestClock } from './platform-harness';

/**
 * A distributed profile's configuration for a test on `dataDir`: services on `databaseUrl`'s server, Kafka at
 * `brokers`, tokens verified through a JWKS served here as an agency's identity provider would (it also issues the
 * employer service's own token, client credentials, for asking the municipality). Close `identity` when done.
 */
export async function distributedTestConfig(
  dataDir: string,
  databaseUrl: string,
  brokers: readonly string[],
): Promise<{ config: PlatformConfig & { readonly databaseUrl: string; readonly dataDir: string }; identity: DevIdentityProvider }> {
  const client = employerLineClient(randomBytes(16).toString('hex'));
  const identity = await startDevIdentityProvider(dataDir, 0, [client]);
  const config = {
    port: 0,
    dataDir,
    databaseUrl,
    identityProviders: [identity.provider],
    serviceCredentials: devServiceCredentials(identity, client),
    minimumHourlyWage: 200,
    kafkaBrokers: brokers,
  };
  return { config, identity };
}

/**
 * The distributed profile for a test: every service with its own database on DATABASE_URL's server,
 * Kafka on the librdkafka mock cluster, the gateway in front; in this process, so it shares the test clock.
 */
export class DistributedHarness {
  platform!: RunningDistributed;

  private constructor(
    public config: PlatformConfig & { readonly databaseUrl: string },
    readonly clock: TestClock,
    public cluster: MockKafkaCluster,
    private readonly identity: DevIdentityProvider,
    readonly databaseSuffix: string,
  ) {}

  /** `database`: the database DATABASE_URL names (its services' databases are named from it); DATABASE_URL's own by default. */
  static async start(clock = new TestClock(new Date('2026-03-02T09:00:00.000Z')), database?: string): Promise<DistributedHarness> {
    const serverUrl = process.env['DATABASE_URL'];
    if (!serverUrl) throw new Error('the distributed profile needs DATABASE_URL (a PostgreSQL server)');
    const databaseUrl = database ? Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString() : serverUrl;
    const cluster = await MockKafkaCluster.start();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-distributed-'));
    const { config, identity } = await distributedTestConfig(dataDir, databaseUrl, cluster.brokers);
    const harness = new DistributedHarness(config, clock, cluster, identity, `_test_${process.pid}_${randomBytes(3).toString('hex')}`);
    harness.platform = await startDistributedInProcess(config, clock, harness.databaseSuffix);
    return harness;
  }

  get http(): ReturnType<typeof request> {
    return request(this.platform.app.getHttpServer());
  }

  /**
   * Stops every service, replaces the Kafka cluster with a new, empty one (a rebuilt cluster, a move) and starts the
   * services again on the same databases; `whileStopped` runs in between (the way on: `acceptNewKafkaCluster`).
   */
  async moveToNewCluster(whileStopped: () => Promise<unknown> = async () => undefined): Promise<void> {
    await this.platform.close();
    await this.cluster.stop();
    this.cluster = await MockKafkaCluster.start();
    this.config = { ...this.config, kafkaBrokers: this.cluster.brokers };
    await whileStopped();
    this.platform = await startDistributedInProcess(this.config, this.clock, this.databaseSuffix);
  }

  /** Stops every service and starts them again on the same databases and cluster; `whileStopped` runs in between. */
  async restart(whileStopped: () => Promise<unknown> = async () => undefined): Promise<void> {
    await this.platform.close();
    await whileStopped();
    this.platform = await startDistributedInProcess(this.config, this.clock, this.databaseSuffix);
  }

  async token(claims: TokenClaims): Promise<string> {
    return issueToken(await loadOrCreateSigningKey(this.config.dataDir), claims);
  }

  async stop(): Promise<void> {
    await this.platform.close();
    await this.identity.close();
    await this.cluster.stop();
    const admin = new Client({ connectionString: Object.assign(new URL(this.config.databaseUrl), { pathname: '/postgres' }).toString() });
    await admin.connect();
    try {
      const urls = [
        ...DISTRIBUTED_SERVICES.map((service) => serviceDatabaseUrl(this.config.databaseUrl, service, this.databaseSuffix)),
        keyStoreDatabaseUrl(this.config.databaseUrl, this.databaseSuffix),
      ];
      for (const url of urls) await admin.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
    } finally {
      await admin.end();
    }
    await rm(this.config.dataDir, { recursive: true, force: true });
  }
}
