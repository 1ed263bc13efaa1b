import { hasSealed, openFields, sealFields } from './field-cipher';
import { KeyStore } from './key-store';

export interface SealRequest<T> {
  readonly participantId: string;
  readonly data: T;
  /** The personal fields of `data`; those present are sealed. */
  readonly fields: readonly string[];
}

const needsSealing = ({ data, fields }: SealRequest<object>): boolean => fields.some((field) => (data as Record<string, unknown>)[field] != null);

/** The positions of the values of each participant, in first-seen order. */
function byParticipant<T>(values: readonly T[], participantOf: (value: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, index) => {
    const participantId = participantOf(value);
    const group = groups.get(participantId);
    if (group) group.push(index);
    else groups.set(participantId, [index]);
  });
  return groups;
}

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

  /**
   * Seals the named fields of each value with its participant's key: one key lookup per participant that has
   * something to seal. Throws when one of them was erased, before anything is returned.
   */
  async seal<T extends object>(values: readonly SealRequest<T>[]): Promise<T[]> {
    const sealed = values.map(({ data }) => data);
    for (const [participantId, indexes] of byParticipant(values, (value) => value.participantId)) {
      const own = indexes.filter((index) => needsSealing(values[index] as SealRequest<T>));
      if (own.length === 0) continue;
      const key = await this.keys.keyFor(participantId);
      if (!key) throw new ParticipantErasedError(participantId);
      for (const index of own) sealed[index] = sealFields((values[index] as SealRequest<T>).data, (values[index] as SealRequest<T>).fields, key, participantId);
    }
    return sealed;
  }

  /** Opens every sealed field of values of one participant, with one key lookup (none if nothing is sealed). */
  open<T extends object>(participantId: string, values: readonly T[]): Promise<T[]> {
    return this.openEach(values, () => participantId);
  }

  /** Opens values of several participants, in their order: one key lookup per participant with sealed values. */
  async openEach<T extends object>(values: readonly T[], participantOf: (value: T) => string): Promise<T[]> {
    const opened = [...values];
    // The lookups are asked for together, so a key store that batches them (PostgresKeyStore) makes one query.
    await Promise.all(
      [...byParticipant(values, participantOf)].map(async ([participantId, indexes]) => {
        if (!indexes.some((index) => hasSealed(values[index] as T))) return;
        const key = await this.keys.existingKey(participantId);
        for (const index of indexes) opened[index] = openFields(values[index] as T, key, participantId);
      }),
    );
    return opened;
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
