/** How the edge should read a refusal: unknown target, clash with current state, or well-formed but not allowed. */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rejected';

export interface DomainError {
  /** Stable, e.g. `PARTICIPANT.ALREADY_ENROLLED`: clients and tests rely on it. */
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly message: string;
}

export type Decision<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const refuse = <E = never>(kind: DomainErrorKind, code: string, message: string): Decision<E> => ({
  ok: false,
  error: { code, kind, message },
});

export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** Who did it, for whom, and when: arrives with every command, so deciders stay free of clocks and ids. */
export interface CommandMetadata {
  readonly actor: { readonly sub: string; readonly agency: string; readonly role: string };
  readonly now: string;
  readonly correlationId: string;
}

/** Metadata as a command's caller issues it: the pipeline stamps `now` when the caller did not (an HTTP request). */
export type CommandIssuer = Omit<CommandMetadata, 'now'> & { readonly now?: string };

export interface Command<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly metadata: CommandMetadata;
}

export interface Aggregate<S, E extends DomainEvent> {
  /** Stream category, e.g. `welfare-office.participant`. */
  readonly category: string;
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
}

export const fold = <S, E extends DomainEvent>(aggregate: Aggregate<S, E>, events: readonly E[]): S => events.reduce(aggregate.evolve, aggregate.initialState);

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
