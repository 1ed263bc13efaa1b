import { STAFF_ROLES, TEAM_AGENCIES } from './agencies';
import { date, text } from './fields';
import { DataOf, FieldError, Fields, validateFields } from './schema';
import { SharedEvent, ValidationResult, contractKey, recordedByFields } from './shared-event';

/**
 * A team event: the IPS programme's registry of teams and their members, published by the programme and read by
 * every service, which checks access locally from it (also while another service or the bus is down). Keyed by
 * team id, so each team's events stay in order. Not about a participant: it never enters a timeline.
 */
export interface TeamEvent<T extends string = string, D = Record<string, unknown>> {
  /** Unique; consumers de-duplicate on it. */
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly source: 'programme';
  readonly teamId: string;
  readonly occurredAt: string;
  /** Who recorded it: the administrator or a supervisor of the team. */
  readonly recordedBy: { readonly sub: string; readonly agency: string; readonly role: string };
  readonly data: D;
}

export interface TeamEventContract {
  readonly type: string;
  readonly version: number;
  readonly publisher: 'programme';
  readonly description: string;
  readonly fields: Fields;
}

export const teamEnvelopeFields: Fields = {
  id: { rule: { kind: 'uuid' }, description: 'event id, unique; consumers de-duplicate on it' },
  type: { rule: { kind: 'text', maxLength: 100 }, description: 'event type' },
  version: { rule: { kind: 'number', min: 1 }, description: 'contract version of `type`' },
  source: { rule: { kind: 'enum', values: ['programme'] }, description: 'always `programme`' },
  teamId: { rule: { kind: 'uuid' }, description: 'the team; also the partition key' },
  occurredAt: { rule: { kind: 'instant' }, description: 'when it happened' },
};

const publisher = 'programme';

export const teamDefinedV1 = {
  type: 'TeamDefined',
  version: 1,
  publisher,
  description: 'An IPS team was defined, or its name, municipality or time zone changed (the whole definition each time).',
  fields: {
    name: text(200, 'the team’s name, e.g. `IPS Trondheim sentrum`'),
    municipality: text(200, 'the municipality the team serves'),
    timeZone: text(64, 'IANA time zone, e.g. `Europe/Oslo`: the team’s dates and on-call shifts are read in it'),
  },
} as const satisfies TeamEventContract;

export const teamMemberAddedV1 = {
  type: 'TeamMemberAdded',
  version: 1,
  publisher,
  description:
    'A person joined the team from a date: staff of an agency (the token subject `sub`), with the name and role the team knows them by. ' +
    'From that day they see and write the participants of the team.',
  fields: {
    sub: text(200, 'the person’s token subject'),
    displayName: text(200, 'how screens name them, e.g. `Ingrid Solberg`'),
    agency: { rule: { kind: 'enum', values: TEAM_AGENCIES }, description: 'the agency they work for' },
    role: { rule: { kind: 'enum', values: STAFF_ROLES }, description: 'their role on the team (one of their agency’s staff roles)' },
    from: date('first day of the membership'),
  },
} as const satisfies TeamEventContract;

export const teamMembershipEndedV1 = {
  type: 'TeamMembershipEnded',
  version: 1,
  publisher,
  description: 'A person left the team: access through this team ends that day (access as a named person on a record stays).',
  fields: {
    sub: text(200, 'the person’s token subject'),
    on: date('the day the membership ends (its last day is the day before)'),
  },
} as const satisfies TeamEventContract;

export const teamContractList = [teamDefinedV1, teamMemberAddedV1, teamMembershipEndedV1] as const;

export type TeamEventOf<C extends TeamEventContract> = TeamEvent<C['type'], DataOf<C['fields']>>;
export type TeamDefinedV1 = TeamEventOf<typeof teamDefinedV1>;
export type TeamMemberAddedV1 = TeamEventOf<typeof teamMemberAddedV1>;
export type TeamMembershipEndedV1 = TeamEventOf<typeof teamMembershipEndedV1>;
export type KnownTeamEvent = TeamDefinedV1 | TeamMemberAddedV1 | TeamMembershipEndedV1;

/** The team events the platform knows, validated like shared participant events but in their own envelope. */
export class TeamContractRegistry {
  private readonly contracts = new Map<string, TeamEventContract>();

  constructor(contracts: readonly TeamEventContract[]) {
    for (const contract of contracts) this.contracts.set(contractKey(contract.type, contract.version), contract);
  }

  all(): readonly TeamEventContract[] {
    return [...this.contracts.values()];
  }

  /** Is a bus message of this `<Type>.v<version>` a team event (and so no participant's)? */
  has(messageType: string): boolean {
    return this.contracts.has(messageType);
  }

  validate(candidate: unknown): ValidationResult<TeamEvent> {
    const { data, recordedBy, ...envelope } = (candidate ?? {}) as Record<string, unknown>;
    const envelopeErrors = validateFields(teamEnvelopeFields, envelope);
    if (envelopeErrors.length > 0) return { ok: false, reason: 'invalid team event envelope', errors: envelopeErrors };
    const byErrors = validateFields(recordedByFields, recordedBy, 'recordedBy.');
    if (byErrors.length > 0) return { ok: false, reason: 'invalid recordedBy', errors: byErrors };
    const { type, version } = envelope as { type: string; version: number };
    const contract = this.contracts.get(contractKey(type, version));
    if (!contract) return unknown(type, version);
    const dataErrors = validateFields(contract.fields, data, 'data.');
    if (dataErrors.length > 0) return { ok: false, reason: `invalid ${contractKey(type, version)}`, errors: dataErrors };
    return { ok: true, event: candidate as TeamEvent };
  }
}

const unknown = (type: string, version: number): { ok: false; reason: string; errors: FieldError[] } => ({
  ok: false,
  reason: `unknown team event ${contractKey(type, version)}`,
  errors: [{ field: 'type', message: `no contract for ${type} version ${version}` }],
});

export const teamContracts = new TeamContractRegistry(teamContractList);

/** What a service publishes: shared participant events, or (the programme) team events. */
export type PublishedEvent<D = Record<string, unknown>> = SharedEvent<string, D> | TeamEvent<string, D>;

/** A team event rather than a participant's: it names a team where a participant event names a participant. */
export const isTeamEvent = <D>(event: PublishedEvent<D>): event is TeamEvent<string, D> => 'teamId' in event;

/** The bus key that keeps its events in order: the team's id, or the participant's. */
export const partitionKeyOf = <D>(event: PublishedEvent<D>): string => (isTeamEvent(event) ? event.teamId : event.participantId);
