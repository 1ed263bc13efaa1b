import { describeWithKafka } from '@ips/messaging/testing';
import { HEALTH_DB } from '@ips/runtime';
import { SqlDriver } from '@ips/postgres';
import { DistributedHarness } from './testing/distributed-harness';
import { PlatformHarness } from './testing/platform-harness';

/** Liveness and readiness of the embedded platform, as an orchestrator probes them: no token. */
describe('health of the embedded platform', () => {
  let harness: PlatformHarness;
  const db = (): SqlDriver => harness.platform.app.get<symbol, SqlDriver>(HEALTH_DB);

  beforeAll(async () => {
    harness = await PlatformHarness.start();
  }, 60_000);
  afterAll(() => harness.stop());

  it('is alive: GET /health/live answers 200 without a token', async () => {
    await harness.http.get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready: GET /health/ready lists the database, the migrations, each consumer of the bus and the key store, all up', async () => {
    const answer = await harness.http.get('/health/ready').expect(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      error: {},
      details: {
        database: { status: 'up' },
        migrations: { status: 'up' },
        consumers: { status: 'up', consumers: expect.arrayContaining([expect.objectContaining({ consumer: 'team-view', state: 'following' })]) },
        keyStore: { status: 'up' },
      },
    });
    await harness.http.get('/health').expect(200, { status: 'ok' });
  });

  it('is not ready while a migration it applied is missing from the database: 503 problem+json naming it, on /health too', async () => {
    // Given a database that lost the record of one of the migrations this process applied (a restore from before it)
    const [row] = await db().query<{ component: string; version: number }>(
      "select component, version from schema_migrations where component = 'event-store' order by version limit 1",
    );
    await db().query('delete from schema_migrations where component = $1 and version = $2', [row?.component, row?.version]);
    try {
      // when the orchestrator asks
      const ready = await harness.http.get('/health/ready').expect(503);
      // then it is not ready, says which check and which migration, and still lists the others
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ready.body).toMatchObject({
        status: 503,
        code: 'HEALTH.NOT_READY',
        detail: 'not ready: migrations down',
        checks: { database: { status: 'up' }, migrations: { status: 'down', pending: [`event-store@${row?.version}`] }, keyStore: { status: 'up' } },
      });
      const health = await harness.http.get('/health').expect(503);
      expect(health.body).toMatchObject({ code: 'HEALTH.NOT_READY' });
      // while the process is alive all the same
      await harness.http.get('/health/live').expect(200);
    } finally {
      await db().query('insert into schema_migrations (component, version) values ($1, $2)', [row?.component, row?.version]);
    }
    await harness.http.get('/health/ready').expect(200);
  });
});

describeWithKafka(
  "health of the distributed profile: the gateway's readiness lists each service's",
  () => {
    jest.setTimeout(180_000);
    let harness: DistributedHarness;
    beforeAll(async () => {
      harness = await DistributedHarness.start();
    });
    afterAll(() => harness?.stop());

    it('is ready while every service is, listing each by name and URL; a stopped service is named down', async () => {
      await harness.http.get('/health/live').expect(200, { status: 'ok' });
      const ready = await harness.http.get('/health/ready').expect(200);
      expect(ready.body.services.map((service: { name: string; status: string }) => [service.name, service.status])).toEqual(
        [...harness.platform.services.keys()].map((name) => [name, 'up']),
      );
      await harness.http.get('/health').expect(200, { status: 'ok' });

      // Given the municipality service stopped (an outage)
      const municipality = harness.platform.services.get('municipality');
      await municipality?.close();
      // then the gateway is not ready, and says which service and why
      const notReady = await harness.http.get('/health/ready').expect(503);
      expect(notReady.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(notReady.body).toMatchObject({ status: 503, code: 'HEALTH.SERVICE_UNAVAILABLE', detail: 'not ready: municipality' });
      expect(notReady.body.services).toContainEqual({ name: 'municipality', url: municipality?.url, status: 'down', detail: 'does not answer' });
      expect(notReady.body.services.filter((service: { status: string }) => service.status === 'up')).toHaveLength(harness.platform.services.size - 1);
      await harness.http.get('/health').expect(503);
    });
  },
  { databaseServer: true },
);
