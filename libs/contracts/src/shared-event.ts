import { AGENCIES, Agency, TOKEN_AGENCIES } from './agencies';
import { DataOf, FieldError, Fields, validateFields } from './schema';

/**
 * A shared participant event: the published language between agencies. Internal domain events
 * never cross a service; these do, keyed by participant id so each participant's events stay in order.
 */
export interface SharedEvent<T extends string = string, D = Record<string, unknown>> {
  /** Unique; consumers de-duplicate on it. */
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly source: Agency;
  readonly participantId: string;
  readonly occurredAt: string;
  /** Who recorded it (subject and role), for the participant's access log. */
  readonly recordedBy: { readonly sub: string; readonly agency: string; readonly role: string };
  readonly data: D;
}

/** Who, besides the participant and the publishing agency, may ever see an event of this type. */
/**
 * Who besides the participant, the publisher and the sharing circle sees an event: an employer named in
 * it only with employer disclosure (`sharing-circle`), never (`sharing-circle-not-employer`: health), or
 * always (`sharing-circle-and-named-employer`: what the employer itself asked for, its contact requests).
 */
export type Audience = 'sharing-circle' | 'sharing-circle-not-employer' | 'sharing-circle-and-named-employer';

export interface EventContract {
  readonly type: string;
  readonly version: number;
  readonly publisher: Agency;
  readonly audience: Audience;
  readonly description: string;
  readonly fields: Fields;
}

export const envelopeFields: Fields = {
  id: { rule: { kind: 'uuid' }, description: 'event id, unique; consumers de-duplicate on it' },
  type: { rule: { kind: 'text', maxLength: 100 }, description: 'event type' },
  version: { rule: { kind: 'number', min: 1 }, description: 'contract version of `type`' },
  source: { rule: { kind: 'enum', values: AGENCIES }, description: 'publishing agency' },
  participantId: { rule: { kind: 'uuid' }, description: 'the participant; also the partition key' },
  occurredAt: { rule: { kind: 'instant' }, description: 'when it happened' },
};

export const recordedByFields: Fields = {
  sub: { rule: { kind: 'text', maxLength: 200 }, description: 'subject of the token that recorded it' },
  agency: { rule: { kind: 'enum', values: TOKEN_AGENCIES }, description: 'agency of that token' },
  role: { rule: { kind: 'text', maxLength: 50 }, description: 'role of that token' },
};

export const contractKey = (type: string, version: number): string => `${type}.v${version}`;

export type ValidationResult<T> =
  { readonly ok: true; readonly event: T } | { readonly ok: false; readonly reason: string; readonly errors: readonly FieldError[] };

export class ContractRegistry {
  private readonly contracts = new Map<string, EventContract>();

  constructor(contracts: readonly EventContract[]) {
    for (const contract of contracts) this.contracts.set(contractKey(contract.type, contract.version), contract);
  }

  all(): readonly EventContract[] {
    return [...this.contracts.values()];
  }

  find(type: string, version: number): EventContract | undefined {
    return this.contracts.get(contractKey(type, version));
  }

  /** Checks envelope and data; an unknown type or version is a failure with that reason. */
  validate(candidate: unknown): ValidationResult<SharedEvent> {
    const { data, recordedBy, ...envelope } = (candidate ?? {}) as Record<string, unknown>;
    const envelopeErrors = validateFields(envelopeFields, envelope);
    if (envelopeErrors.length > 0) return { ok: false, reason: 'invalid envelope', errors: envelopeErrors };
    const byErrors = validateFields(recordedByFields, recordedBy, 'recordedBy.');
    if (byErrors.length > 0) return { ok: false, reason: 'invalid recordedBy', errors: byErrors };
    const { type, version, source } = envelope as { type: string; version: number; source: Agency };
    const contract = this.find(type, version);
    if (!contract) {
      return {
        ok: false,
        reason: `unknown event ${contractKey(type, version)}`,
        errors: [{ field: 'type', message: `no contract for ${type} version ${version}` }],
      };
    }
    if (contract.publisher !== source) {
      return {
        ok: false,
        reason: `${type} is published by ${contract.publisher}, not ${source}`,
        errors: [{ field: 'source', message: `must be ${contract.publisher}` }],
      };
    }
    const dataErrors = validateFields(contract.fields, data, 'data.');
    if (dataErrors.length > 0) return { ok: false, reason: `invalid ${contractKey(type, version)}`, errors: dataErrors };
    return { ok: true, event: candidate as SharedEvent };
  }
}

/** The names of a contract's personal fields (sealed with the participant's key); none for an unknown contract. */
export const personalFieldsOf = (contract: EventContract | undefined): string[] =>
  Object.entries(contract?.fields ?? {})
    .filter(([, spec]) => spec.personal)
    .map(([name]) => name);

/** The shared event type a contract describes. */
export type EventOf<C extends EventContract> = SharedEvent<C['type'], DataOf<C['fields']>>;
