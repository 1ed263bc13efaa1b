import { randomUUID } from 'node:crypto';
import { PgliteDriver } from '@ips/postgres';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';

describe("the release before's es_append during a rolling upgrade (event store migration 4)", () => {
  it('given the 16-array es_append, when a process of the release before appends through the 15-array one, then its events and outbox message are stored, with no trace context', async () => {
    const driver = await PgliteDriver.open();
    try {
      await PostgresEventStore.open(driver); // migrates
      const [eventId, messageId, stream] = [randomUUID(), randomUUID(), `upgrade-${randomUUID()}`];
      const rows = await driver.query<{ r_version: unknown; r_written: unknown }>(
        `select * from es_append(
           $1::int[], $2::text[], $3::bigint[], $4::int[], $5::int[],
           $6::int[], $7::uuid[], $8::text[], $9::text[], $10::text[],
           $11::int[], $12::uuid[], $13::text[], $14::text[], $15::text[])`,
        [[1], [stream], [0], [1], [1], [1], [eventId], ['Noted'], ['{}'], ['{}'], [1], [messageId], ['p-1'], ['Noted.v1'], ['{"a":1}']],
      );
      expect(rows).toEqual([expect.objectContaining({ r_version: expect.anything() })]);
      expect(Number(rows[0]?.r_written)).toBe(2);
      const [outbox] = await driver.query<{ trace_parent: string | null; partition_key: string }>(
        'select trace_parent, partition_key from es_outbox where message_id = $1',
        [messageId],
      );
      expect(outbox).toEqual({ trace_parent: null, partition_key: 'p-1' });
      const store = await PostgresEventStore.open(driver);
      expect((await store.readStream(stream)).events.map((event) => event.eventId)).toEqual([eventId]);
    } finally {
      await driver.close();
    }
  });
});
