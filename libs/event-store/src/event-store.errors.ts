export class StreamVersionConflictError extends Error {
  readonly code = 'STREAM.VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'StreamVersionConflictError';
  }
}

/** Some, not all, of an append's event ids were already stored: a client bug, never merged. */
export class DuplicateEventIdsError extends Error {
  readonly code = 'STREAM.DUPLICATE_EVENT_IDS';
  constructor(readonly streamId: string) {
    super(`some event ids of this append to ${streamId} were already stored with other events`);
    this.name = 'DuplicateEventIdsError';
  }
}

export class InvalidAppendError extends Error {
  readonly code = 'STREAM.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
