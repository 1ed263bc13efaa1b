import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed value reads as once its participant's key is gone. */
export const ERASED = '[erased]';

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/**
 * AES-256-GCM over one field's value, bound to its participant and field name (additional authenticated
 * data), so a sealed value cannot be moved to another participant or field unnoticed. The result is text
 * (`enc:v1:` + base64 of iv, tag and ciphertext) and fits wherever the plain value went.
 */
export function seal(value: unknown, key: Buffer, participantId: string, field: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${participantId}/${field}`));
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The plain value; throws when the value was altered or sealed for another participant or field. */
export function open(sealed: string, key: Buffer, participantId: string, field: string): unknown {
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${participantId}/${field}`));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

/** Seals the named fields of an event's data that are present; the rest stays as it was. */
export function sealFields<T extends Record<string, unknown>>(data: T, fields: readonly string[], key: Buffer, participantId: string): T {
  const sealed: Record<string, unknown> = { ...data };
  for (const field of fields) if (field in data && data[field] !== undefined) sealed[field] = seal(data[field], key, participantId, field);
  return sealed as T;
}

/** Opens every sealed field; with no key (erased) each reads as ERASED. */
export function openFields<T extends Record<string, unknown>>(data: T, key: Buffer | null, participantId: string): T {
  const opened: Record<string, unknown> = { ...data };
  for (const [field, value] of Object.entries(data)) {
    if (isSealed(value)) opened[field] = key ? open(value, key, participantId, field) : ERASED;
  }
  return opened as T;
}
