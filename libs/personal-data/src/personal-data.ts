import { hasSealed, openFields, sealFields } from './field-cipher';
import { KeyStore } from './key-store';

/** Nest injection token of the service's PersonalData. */
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

/** Writing personal data about an erased participant: refused, since it could never be read again. */
export class ParticipantErasedError extends Error {
  constructor(readonly participantId: string) {
    super(`participant ${participantId} was erased: nothing personal can be recorded about them`);
    this.name = 'ParticipantErasedError';
  }
}

/**
 * Personal data sealed per participant: what every service that writes or reads it uses. Sealing needs the
 * participant's key (made on first use); reading opens with it, and once the key is destroyed every sealed
 * value reads as `[erased]` wherever it was copied. Keys are looked up on each use, never cached, so an
 * erasure takes effect at once in every process that shares the key store.
 */
export class PersonalData {
  constructor(private readonly keys: KeyStore) {}

  /** Seals the named fields of each value for one participant, with one key lookup; throws when they were erased. */
  async seal<T extends object>(participantId: string, values: readonly { readonly data: T; readonly fields: readonly string[] }[]): Promise<T[]> {
    const present = values.filter(({ data, fields }) => fields.some((field) => (data as Record<string, unknown>)[field] != null));
    if (present.length === 0) return values.map(({ data }) => data);
    const key = await this.keys.keyFor(participantId);
    if (!key) throw new ParticipantErasedError(participantId);
    return values.map(({ data, fields }) => sealFields(data, fields, key, participantId));
  }

  /** Opens every sealed field of each value of one participant, with one key lookup (none if nothing is sealed). */
  async open<T extends object>(participantId: string, values: readonly T[]): Promise<T[]> {
    if (!values.some(hasSealed)) return [...values];
    const key = await this.keys.existingKey(participantId);
    return values.map((data) => openFields(data, key, participantId));
  }

  async openOne<T extends object>(participantId: string, value: T): Promise<T> {
    const [opened] = await this.open(participantId, [value]);
    return opened as T;
  }

  /** Destroys the participant's key: everything sealed with it, in any copy, can never be read again. */
  erase(participantId: string): Promise<void> {
    return this.keys.destroy(participantId);
  }
}
