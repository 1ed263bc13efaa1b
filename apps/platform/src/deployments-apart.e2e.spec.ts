import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describeWithKafka } from '@ips/messaging/testing';
import { DISTRIBUTED_SERVICES, databasePrefixOn, keyStoreDatabaseUrl, serviceDatabaseUrl } from '@ips/runtime';
import { DistributedHarness } from './testing/distributed-harness';

const serverUrl = (database: string): string =>
  Object.assign(new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost/postgres'), { pathname: `/${database}` }).toString();

async function databasesNamed(pattern: string): Promise<string[]> {
  const admin = new Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  try {
    return (await admin.query<{ datname: string }>('select datname from pg_database where datname like $1 order by datname', [pattern])).rows.map(
      (row) => row.datname,
    );
  } finally {
    await admin.end();
  }
}

/**
 * Two distributed deployments on one PostgreSQL server, told apart only by the database DATABASE_URL names
 * (`start:distributed` with two DATABASE_URLs): each service's database is that name plus the service, so they share
 * no data and no checkpoints. A server that holds a deployment from before (`ips_*`) still finds it.
 */
describeWithKafka(
  'two deployments on one PostgreSQL server',
  () => {
    jest.setTimeout(180_000);
    const run = randomBytes(3).toString('hex');
    let north: DistributedHarness;
    let south: DistributedHarness;

    beforeAll(async () => {
      // Each with its own Kafka (sharing a Kafka cluster is a matter of topics, not of this issue).
      north = await DistributedHarness.start(undefined, `region_north_${run}`);
      south = await DistributedHarness.start(undefined, `region_south_${run}`);
    });
    afterAll(async () => {
      await north?.stop();
      await south?.stop();
    });

    it('names every database after its own DATABASE_URL, and none of them meet', async () => {
      const northNames = await databasesNamed(`region_north_${run}_%`);
      const southNames = await databasesNamed(`region_south_${run}_%`);
      const expected = (name: string) => [...DISTRIBUTED_SERVICES.map((service) => `${name}_${service.replace(/-/g, '_')}`), `${name}_keys`];
      for (const [names, region, harness] of [
        [northNames, `region_north_${run}`, north],
        [southNames, `region_south_${run}`, south],
      ] as const) {
        expect(names).toEqual(
          expected(region)
            .map((database) => `${database}${harness.databaseSuffix}`)
            .sort(),
        );
      }
    });

    it('keeps what one deployment records out of the other', async () => {
      const caseworker = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' };
      const referral = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' };
      await north.http
        .post('/welfare-office/referrals')
        .set({ Authorization: `Bearer ${await north.token(caseworker)}` })
        .send(referral)
        .expect(201);
      await north.platform.settled();
      await south.platform.settled();
      const list = async (harness: DistributedHarness) =>
        (
          await harness.http
            .get('/team-view/participants?scope=all')
            .set({ Authorization: `Bearer ${await harness.token(caseworker)}` })
            .expect(200)
        ).body.participants as unknown[];
      expect(await list(north)).toHaveLength(1);
      expect(await list(south)).toEqual([]);
    });

    it("finds a server's databases from before (ips_…) when DATABASE_URL's own do not exist yet", async () => {
      const suffix = `_upgrade_${run}`;
      const legacy = `legacy${run}`;
      const admin = new Client({ connectionString: serverUrl('postgres') });
      await admin.connect();
      const before = DISTRIBUTED_SERVICES.map((service) => new URL(serviceDatabaseUrl(serverUrl('anything'), service, suffix, legacy)).pathname.slice(1));
      try {
        expect(await databasePrefixOn(serverUrl('postgres'), suffix, legacy)).toEqual({ prefix: 'postgres', legacy: false });
        for (const name of before) await admin.query(`create database "${name}"`);
        expect(await databasePrefixOn(serverUrl('postgres'), suffix, legacy)).toEqual({ prefix: legacy, legacy: true });
        // Once DATABASE_URL's own exist, they win.
        await admin.query(`create database "${new URL(serviceDatabaseUrl(serverUrl('postgres'), 'employer', suffix)).pathname.slice(1)}"`);
        expect(await databasePrefixOn(serverUrl('postgres'), suffix, legacy)).toEqual({ prefix: 'postgres', legacy: false });
        expect(new URL(keyStoreDatabaseUrl(serverUrl('region'), suffix)).pathname).toBe(`/region_keys${suffix}`);
      } finally {
        for (const name of [...before, new URL(serviceDatabaseUrl(serverUrl('postgres'), 'employer', suffix)).pathname.slice(1)]) {
          await admin.query(`drop database if exists "${name}" with (force)`);
        }
        await admin.end();
      }
    });
  },
  { databaseServer: true },
);
