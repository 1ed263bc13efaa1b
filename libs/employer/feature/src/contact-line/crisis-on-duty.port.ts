/**
 * Who is on duty at the municipal out-of-hours crisis service. The municipality owns that rota and the
 * employer service may not read its store, so the composing app binds an adapter: in-process in the
 * embedded platform, the municipality's on-duty route in the distributed profile.
 */
export interface CrisisOnDuty {
  /** Worker ids on duty at `instant`, earliest shift first; empty when nobody is. */
  onDutyAt(instant: string): Promise<readonly string[]>;
}

export const CRISIS_ON_DUTY = Symbol('CRISIS_ON_DUTY');

/** For a service composed without the municipality: the crisis tier is then reached by its channels, with nobody named. */
export const noCrisisService: CrisisOnDuty = { onDutyAt: async () => [] };
