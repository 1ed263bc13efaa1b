import { Aggregate, CommandMetadata, Decision, DomainEvent, fold } from '@ips/kernel';

/** given(events).when(command).then(events) | .thenRefused(code) for a pure decide function. */
export function decideSpec<S, E extends DomainEvent, C>(aggregate: Aggregate<S, E>, decide: (command: C, state: S) => Decision<E>) {
  return {
    given: (...history: E[]) => ({
      when: (command: C) => {
        const decision = decide(command, fold(aggregate, history));
        return {
          then: (...expected: E[]): void => {
            expect(decision).toEqual({ ok: true, events: expected });
          },
          thenRefused: (code: string, kind?: string): void => {
            expect(decision.ok).toBe(false);
            if (!decision.ok) {
              expect(decision.error.code).toBe(code);
              if (kind) expect(decision.error.kind).toBe(kind);
            }
          },
        };
      },
    }),
  };
}

export const metadataAt = (now: string, overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: { sub: 'caseworker-1', agency: 'welfare-office', role: 'caseworker' },
  now,
  correlationId: '00000000-0000-4000-8000-000000000001',
  ...overrides,
});
