import { BatchedLookup } from './batched-lookup';

describe('BatchedLookup', () => {
  const lengths = () => {
    const loads: string[][] = [];
    const lookup = new BatchedLookup<string, number | null>(async (keys) => {
      loads.push([...keys]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(keys.filter((key) => key !== 'nobody').map((key) => [key, key.length]));
    }, null);
    return { lookup, loads };
  };

  it('answers lookups asked together with one load of their distinct keys, a key not found with the missing value', async () => {
    const { lookup, loads } = lengths();

    const answers = await Promise.all([lookup.get('kari'), lookup.get('ola'), lookup.get('nobody'), lookup.get('ola')]);

    expect(answers).toEqual([4, 3, null, 3]);
    expect(loads).toEqual([['kari', 'ola', 'nobody']]);
  });

  it('collects the lookups asked while a load runs into the next one', async () => {
    const { lookup, loads } = lengths();
    const first = lookup.get('kari');
    await new Promise((resolve) => setImmediate(resolve)); // the first load is under way

    const later = await Promise.all([lookup.get('ola'), lookup.get('ingrid'), first]);

    expect(later).toEqual([3, 6, 4]);
    expect(loads).toEqual([['kari'], ['ola', 'ingrid']]);
  });
});
