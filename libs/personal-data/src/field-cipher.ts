import { createCipheriv, createDecipheriv } from 'node:crypto';
import { secureRandomBytes } from '@ips/utils';
import { SEALED_PREFIX, isSealed } from '@ips/contracts';

export { isSealed };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed value reads as once its participant's key is gone. */
export const ERASED = '[erased]';

/**
 * AES-256-GCM over one value, bound to its participant (additional authenticated data), so a sealed value
 * cannot be moved into another participant's record unnoticed. The result is text (`enc:v1:` + base64 of
 * iv, tag and ciphertext) and fits wherever the plain text went.
 */
export function seal(value: unknown, key: Buffer, participantId: string): string {
  const iv = secureRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(participantId));
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The plain value; throws when the value was altered or sealed for another participant or key. */
export function open(sealed: string, key: Buffer, participantId: string): unknown {
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(participantId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

const sealValue = (value: unknown, key: Buffer, participantId: string): unknown =>
  Array.isArray(value) ? value.map((item: unknown) => seal(item, key, participantId)) : seal(value, key, participantId);

/** Seals the named fields that are present (a list item by item, so it stays a list); the rest stays as it was. */
export function sealFields<T extends object>(data: T, fields: readonly string[], key: Buffer, participantId: string): T {
  const sealed = { ...data } as Record<string, unknown>;
  for (const field of fields) {
    const value = sealed[field];
    if (value !== undefined && value !== null && !isSealed(value)) sealed[field] = sealValue(value, key, participantId);
  }
  return sealed as T;
}

/** True when any top-level field, or an item of a list field, is sealed. */
export const hasSealed = (data: object): boolean =>
  Object.values(data).some((value: unknown) => isSealed(value) || (Array.isArray(value) && value.some(isSealed)));

const openValue = (value: unknown, key: Buffer | null, participantId: string): unknown => {
  if (isSealed(value)) return key ? open(value, key, participantId) : ERASED;
  if (Array.isArray(value)) return value.map((item: unknown) => openValue(item, key, participantId));
  return value;
};

/** Opens every sealed field and list item; with no key (erased) each reads as ERASED. */
export function openFields<T extends object>(data: T, key: Buffer | null, participantId: string): T {
  const opened: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) opened[field] = openValue(value, key, participantId);
  return opened as T;
}
