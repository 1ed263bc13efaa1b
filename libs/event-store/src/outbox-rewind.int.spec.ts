import { PgliteDriver } from '@ips/postgres';
import { newStreamId, someEvents, someMessages } from './testing/contract-fixtures';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';

describe('the outbox sent again from its start (rewindOutbox, decision 41)', () => {
  it('given a relay that sent every message, when its checkpoint is rewound, then the next run sends them all again, in order', async () => {
    const driver = await PgliteDriver.open();
    try {
      const store = await PostgresEventStore.open(driver);
      const messages = someMessages(3);
      await store.append({ streamId: newStreamId('rewind', 'a'), expectedVersion: 0, events: someEvents(1, 'rewind'), outbox: messages });
      const sent: string[] = [];
      const relay = () =>
        store.subscribeToOutbox({ name: 'outbox-relay:test', pollIntervalMs: 20, handle: async (batch) => void sent.push(...batch.map((m) => m.messageId)) });

      const first = relay();
      await first.caughtUp();
      await first.stop();
      const second = relay();
      await second.caughtUp();
      await second.stop();
      expect(sent).toEqual(messages.map((m) => m.messageId));

      await store.rewindOutbox('outbox-relay:test');
      const third = relay();
      await third.caughtUp();
      await third.stop();
      expect(sent).toEqual([...messages, ...messages].map((m) => m.messageId));
    } finally {
      await driver.close();
    }
  });
});
