import { PgliteDriver } from './pglite.driver';

describe('PGlite maintenance', () => {
  it('given a table updated all day, when the vacuum interval passes, then its dead row versions are gone (PGlite has no autovacuum)', async () => {
    const driver = await PgliteDriver.open(undefined, { vacuumEveryMs: 200 });
    try {
      await driver.exec('create table checkpoint (name text primary key, position bigint not null); insert into checkpoint values ($$a$$, 0)');
      for (let position = 1; position <= 200; position++) await driver.query('update checkpoint set position = $1', [position]);
      const deadRows = async () => {
        await driver.query('select pg_stat_force_next_flush()'); // the statistics are otherwise flushed now and then
        const [row] = await driver.query<{ dead: number }>(`select n_dead_tup::int as dead from pg_stat_user_tables where relname = 'checkpoint'`);
        return row?.dead;
      };
      expect(await deadRows()).toBeGreaterThan(0);

      await new Promise((resolve) => setTimeout(resolve, 600));

      expect(await deadRows()).toBe(0);
      await driver.query('select pg_stat_force_next_flush()');
      const [table] = await driver.query<{ vacuumed: number; analyzed: number }>(
        `select vacuum_count::int as vacuumed, analyze_count::int as analyzed from pg_stat_user_tables where relname = 'checkpoint'`,
      );
      expect(table?.vacuumed).toBeGreaterThan(0);
      expect(table?.analyzed).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  });
});
