import { DomainError, DomainErrorKind } from './decider';

/** How a command ended: accepted (with what the caller learns), or refused by its decider with a stable code. */
export type Outcome<T extends object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: DomainError };

/** A refusal decided beside the decider (a handler's lookup found nothing), shaped as the pipeline's refusals are. */
export const refused = (kind: DomainErrorKind, code: string, message: string): { readonly ok: false; readonly error: DomainError } => ({
  ok: false,
  error: { code, kind, message },
});

/** A decider's refusal carried to the edge, which alone turns it into an answer (HTTP: 404, 409 or 422 with the code). */
export class CommandRefused extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'CommandRefused';
  }
}

/** Another process kept writing to the stream through every attempt: nothing was stored, the caller may send it again. */
export class ConcurrentWriteError extends Error {
  readonly code = 'STREAM.CONCURRENT_WRITE';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} changed under each of ${attempts} attempts to write to it`);
    this.name = 'ConcurrentWriteError';
  }
}

/** The accepted outcome; a refusal is thrown as CommandRefused for the edge's one exception filter to answer. */
export function accepted<T extends object>(outcome: Outcome<T>): { readonly ok: true } & T {
  if (!outcome.ok) throw new CommandRefused(outcome.error);
  return outcome;
}
