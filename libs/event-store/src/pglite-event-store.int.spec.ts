import { PgliteDriver } from '@ips/postgres';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { describeCategoryIndexUpgrade, describePostgresEventStoreContract, describeEventStorePortContract } from './testing';

// One in-memory PGlite for the whole contract: opening one takes seconds, and the contract isolates its tests.
describePostgresEventStoreContract('PGlite (in-memory)', () => PgliteDriver.open());

describeEventStorePortContract(
  'PGlite (in-memory)',
  async () => {
    const driver = await PgliteDriver.open();
    return { store: await PostgresEventStore.open(driver), reopen: () => PostgresEventStore.open(driver), close: () => driver.close() };
  },
  { consecutivePositions: true },
);

describeCategoryIndexUpgrade('PGlite (in-memory)', async () => {
  const driver = await PgliteDriver.open();
  return { driver, close: () => driver.close() };
});
