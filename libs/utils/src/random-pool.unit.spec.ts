import { secureRandomBytes } from './random-pool';
import { uuidv7 } from './uuid-v7';

describe('secure random bytes from a pool', () => {
  it('hands out each byte once: draws across several refills never repeat or overlap', () => {
    const draws = Array.from({ length: 2_000 }, () => secureRandomBytes(12));
    const before = draws.map((bytes) => bytes.toString('hex'));
    expect(new Set(before).size).toBe(draws.length);
    expect(draws.every((bytes) => bytes.length === 12)).toBe(true);
    secureRandomBytes(16).fill(0); // a caller writing into its bytes (uuidv7 sets its time) touches no other draw
    expect(draws.map((bytes) => bytes.toString('hex'))).toEqual(before);
  });

  it('answers sizes beyond the pool too', () => {
    expect(secureRandomBytes(10_000)).toHaveLength(10_000);
  });
});

describe('uuidv7', () => {
  it('is a version 7, RFC 9562 variant id that sorts by the time it was made', () => {
    const ids = [uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_001)];
    for (const id of ids)
      expect(id).toMatch(/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^018bcfe5-6801-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });
});
