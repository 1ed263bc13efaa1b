import * as port from './index';
import * as kurrentdb from './kurrentdb';
import * as postgres from './postgres';
import * as testing from './testing';

// `@ips/event-store` is the port (and its errors, the record-source port, their pure helpers): code that only needs the
// port must not load, or depend on, a database client. The adapters have their own entry points, `@ips/event-store/postgres`
// and `@ips/event-store/kurrentdb`; the test helpers are `@ips/event-store/testing`.

// `npm run typecheck` fails on an unused @ts-expect-error: a type-only re-export is caught too.
// @ts-expect-error the PostgreSQL adapter is `@ips/event-store/postgres`
type _Postgres = port.PostgresEventStore;
// @ts-expect-error the PostgreSQL adapter's options are `@ips/event-store/postgres`
type _PostgresOptions = port.PostgresEventStoreOptions;
// @ts-expect-error the KurrentDB adapter is `@ips/event-store/kurrentdb`
type _KurrentDb = port.KurrentDbEventStore;

export type TypeOnlyChecks = [_Postgres, _PostgresOptions, _KurrentDb]; // the aliases are used, so the only error each directive can meet is the missing export

const elsewhere: Record<string, object> = {
  '@ips/event-store/postgres': postgres,
  '@ips/event-store/kurrentdb': kurrentdb,
  '@ips/event-store/testing': testing,
};

/** The port's exports that belong to another entry point: the same name, or the same value under another name. */
function leaked(): string[] {
  return Object.entries(port).flatMap(([name, value]) =>
    Object.entries(elsewhere)
      .filter(([, exports]) => name in exports || Object.values(exports).includes(value))
      .map(([entryPoint]) => `${name} (belongs to ${entryPoint})`),
  );
}

describe('the @ips/event-store entry points', () => {
  it('the port exports no adapter and no test helper', () => {
    expect(leaked()).toEqual([]);
    expect(Object.keys(port)).not.toEqual(expect.arrayContaining(['PostgresEventStore']));
    expect(Object.keys(port)).not.toEqual(expect.arrayContaining(['KurrentDbEventStore']));
  });

  it('the adapters have their own entry points', () => {
    expect(postgres.PostgresEventStore).toBeInstanceOf(Function);
    expect(postgres.eventStoreMigrations).toBeDefined();
    expect(kurrentdb.KurrentDbEventStore).toBeInstanceOf(Function);
  });

  it('the port loads no database client', () => {
    const clients = ['@kurrent/kurrentdb-client', 'pg', '@electric-sql/pglite'];
    try {
      jest.isolateModules(() => {
        for (const client of clients) {
          jest.doMock(client, () => {
            throw new Error(`@ips/event-store loaded ${client}`);
          });
        }
        expect(() => jest.requireActual('./index')).not.toThrow();
      });
    } finally {
      for (const client of clients) jest.dontMock(client);
    }
  });
});
