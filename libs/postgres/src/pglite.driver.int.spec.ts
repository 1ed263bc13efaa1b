import type { PGlite } from '@electric-sql/pglite';
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

describe('PGlite statements, prepared once per SQL text', () => {
  let driver: PgliteDriver;
  beforeEach(async () => {
    driver = await PgliteDriver.open();
    await driver.exec('create table item (id bigint primary key, name text, data jsonb, tags text[], at timestamptz not null default now())');
  });
  afterEach(() => driver.close());

  it('given rows of every kind of column, when read twice (prepared, then reused), then both answers equal what PGlite itself parses', async () => {
    const insert = 'insert into item (id, name, data, tags) values ($1, $2, $3, $4)';
    await driver.query(insert, [1, 'Ola "the packer"', JSON.stringify({ shift: 'night', hours: 7.5, days: [1, 2] }), ['a', 'b,c']]);
    await driver.query(insert, [2, null, JSON.stringify([]), null]);
    const sql = 'select id, name, data, tags, at, count(*) over () as total from item where id >= $1 order by id';
    const first = await driver.query(sql, [1]);
    const second = await driver.query(sql, [2]);

    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ name: 'Ola "the packer"', data: { shift: 'night', hours: 7.5, days: [1, 2] }, tags: ['a', 'b,c'] });
    expect(first[0]?.['at']).toBeInstanceOf(Date);
    expect(first[1]).toMatchObject({ name: null, data: [], tags: null });
    expect(second).toEqual(first.slice(1).map((row) => ({ ...row, total: second[0]?.['total'] })));
    // The reference: PGlite's own query path on the same database.
    const reference = await (driver as unknown as { db: PGlite }).db.query(sql, [1]);
    expect(first).toEqual(reference.rows);
  });

  it('given a prepared statement, when its table changes shape, then the statement is prepared again and answers with the new shape', async () => {
    await driver.query('insert into item (id, name) values ($1, $2)', [1, 'Kari']);
    const sql = 'select * from item where id = $1';
    expect(Object.keys((await driver.query(sql, [1]))[0] ?? {})).not.toContain('phone');

    await driver.exec('alter table item add column phone text');

    expect((await driver.query(sql, [1]))[0]).toMatchObject({ id: 1, name: 'Kari', phone: null });
  });

  it('given a transaction under way, when a statement runs on its own meanwhile, then it waits and is not undone by the rollback', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const transaction = driver.transaction(async (tx) => {
      await tx.query('insert into item (id, name) values ($1, $2)', [1, 'in the transaction']);
      inside();
      await held;
      throw new Error('the work fails');
    });
    await started;
    const alone = driver.query('insert into item (id, name) values ($1, $2)', [2, 'on its own']);
    release();

    await expect(transaction).rejects.toThrow('the work fails');
    await alone;
    expect(await driver.query('select id, name from item order by id')).toEqual([{ id: 2, name: 'on its own' }]);
  });

  it('given a transaction whose statement failed and whose work went on, when it commits, then nothing of it is kept and the commit fails', async () => {
    const committing = driver.transaction(async (tx) => {
      await tx.query('insert into item (id, name) values ($1, $2)', [1, 'Per']);
      await tx.query('insert into item (id, name) values ($1, $2)', [1, 'Per again']).catch(() => undefined);
    });

    await expect(committing).rejects.toThrow();
    expect(await driver.query('select count(*)::int as n from item')).toEqual([{ n: 0 }]);
  });

  it("given a statement that does not parse, when run, then it fails with PostgreSQL's error and the driver goes on working", async () => {
    await expect(driver.query('selec 1')).rejects.toMatchObject({ code: '42601' });
    await expect(driver.transaction((tx) => tx.query('insert into item (id) values ($1::bigint)', ['not a number']))).rejects.toMatchObject({ code: '22P02' });

    expect(await driver.query('select $1::int + 1 as n', [41])).toEqual([{ n: 42 }]);
  });
});
