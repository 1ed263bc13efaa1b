import { KurrentDbEventStore } from './kurrentdb-event-store.adapter';

describe('KurrentDB adapter without a server', () => {
  it('given a connection string, when the store is made, then the client and its native bridge load and connect only on first use', async () => {
    const store = KurrentDbEventStore.connect('kurrentdb://127.0.0.1:1?tls=false');
    await store.close();
  });

  it('given a connection string of another scheme, when the store is made, then the client refuses it', () => {
    expect(() => KurrentDbEventStore.connect('postgres://127.0.0.1:5432/db')).toThrow();
  });

  it('given an invalid append, when appended, then it is refused before reaching the server', async () => {
    const store = KurrentDbEventStore.connect('kurrentdb://127.0.0.1:1?tls=false');
    await expect(store.append({ streamId: 'x', expectedVersion: 0, events: [] })).rejects.toMatchObject({ code: 'STREAM.INVALID_APPEND' });
    await expect(
      store.append({ streamId: '$x', expectedVersion: 0, events: [{ eventId: '00000000-0000-7000-8000-000000000001', type: 'T', data: {} }] }),
    ).rejects.toMatchObject({ code: 'STREAM.INVALID_APPEND' });
    await store.close();
  });
});
