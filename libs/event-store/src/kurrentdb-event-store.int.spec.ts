import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.adapter';
import { describeEventStorePortContract } from './testing';

const KURRENTDB_URL = process.env.KURRENTDB_URL;

if (KURRENTDB_URL) {
  describeEventStorePortContract(
    'KurrentDB',
    async () => {
      const opened: KurrentDbEventStore[] = [];
      const open = async (): Promise<KurrentDbEventStore> => {
        const store = KurrentDbEventStore.connect(KURRENTDB_URL);
        opened.push(store);
        return store;
      };
      return {
        store: await open(),
        reopen: open, // a second client: nothing of the first instance is shared
        close: async () => {
          for (const store of opened.splice(0)) await store.close();
        },
      };
    },
    { consecutivePositions: false },
  );
} else {
  describe.skip('KurrentDB event store (skipped: set KURRENTDB_URL to run the port contract against a KurrentDB server)', () => {
    it('runs the event store port contract against KurrentDB', () => undefined);
  });
}
