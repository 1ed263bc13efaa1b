import { randomUUID } from 'node:crypto';
import { PgliteDriver } from '@ips/postgres';
import { PostgresKeyStore } from './key-store';

describe('the key store', () => {
  let db: PgliteDriver;
  let keys: PostgresKeyStore;

  beforeAll(async () => {
    db = await PgliteDriver.open();
    keys = await PostgresKeyStore.open(db);
  });
  afterAll(() => db.close());

  it('makes one 256-bit key per participant on first use and returns the same one after', async () => {
    const [kari, ola] = [randomUUID(), randomUUID()];
    const key = await keys.keyFor(kari);
    expect(key).toHaveLength(32);
    expect(await keys.keyFor(kari)).toEqual(key);
    expect(await keys.existingKey(kari)).toEqual(key);
    expect(await keys.keyFor(ola)).not.toEqual(key);
  });

  it('destroys a key for good: no key afterwards, and no new one made for the erased participant', async () => {
    const kari = randomUUID();
    await keys.keyFor(kari);
    await keys.destroy(kari);
    expect(await keys.existingKey(kari)).toBeNull();
    expect(await keys.keyFor(kari)).toBeNull();
    const [row] = await db.query<{ data_key: unknown; erased_at: unknown }>('select data_key, erased_at from pd_keys where participant_id = $1', [kari]);
    expect(row).toEqual({ data_key: null, erased_at: expect.anything() });
  });

  it('erases a participant it never saw, so their key can never be made', async () => {
    const unseen = randomUUID();
    await keys.destroy(unseen);
    expect(await keys.keyFor(unseen)).toBeNull();
  });
});
