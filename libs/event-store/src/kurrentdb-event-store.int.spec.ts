import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.adapter';
import { InMemoryKurrentDb, describeEventStorePortContract } from './testing';

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

// The adapter over the in-memory stand-in for a server (what the employer line's KurrentDB test runs on): the same port
// contract, so the stand-in is held to what a server must do for the adapter.
describeEventStorePortContract(
  'the KurrentDB adapter over an in-memory stand-in',
  async () => {
    const server = new InMemoryKurrentDb();
    return { store: server.store(), reopen: async () => server.store(), close: async () => undefined };
  },
  { consecutivePositions: false },
);
