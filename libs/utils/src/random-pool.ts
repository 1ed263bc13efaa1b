import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Cryptographically strong random bytes, drawn from a pool that is filled 4 KiB at a time (as
 * `crypto.randomUUID` does): one call into the system's generator per ~250 ids or nonces instead of one
 * each. Every byte is handed out once; a refill is a new buffer, so bytes already handed out never change.
 */
export function secureRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomBytes(size);
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
