/**
 * What is in force on a participant's record, read from their timeline (the entries the reader may see, oldest first):
 * the forms that replace state open with it, and the forms that act on something (a job, a service, a flag) offer it.
 */
export interface RecordEntry {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

export interface PlanInForce {
  readonly goals: readonly string[];
  readonly jobPreferences: readonly string[];
  readonly hoursPerWeek: number;
  readonly supportsWanted: readonly string[];
}

export interface InForce {
  /** The latest consent, or null when none was given or it was withdrawn since. */
  readonly consent: { readonly shareWith: readonly string[]; readonly employerDisclosure: boolean } | null;
  readonly plan: PlanInForce | null;
  /** The participant's proposal no plan has recorded yet (a later plan or the discharge closes it). */
  readonly proposal: (PlanInForce & { readonly proposalId: string; readonly note: string | null; readonly proposedAt: string }) | null;
  readonly careerProfile: {
    readonly workHistory?: string;
    readonly education?: string;
    readonly strengths: readonly string[];
    readonly interests: readonly string[];
  } | null;
  /** The municipal services granted and not ended, by id. */
  readonly services: readonly { readonly serviceId: string; readonly kind: string }[];
  /** The actions agreed with the relapse-risk flag in force, by flag id. */
  readonly flagActions: Readonly<Record<string, readonly string[]>>;
  readonly treatmentEnded: boolean;
}

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const planOf = (data: Record<string, unknown>): PlanInForce => ({
  goals: texts(data['goals']),
  jobPreferences: texts(data['jobPreferences']),
  hoursPerWeek: typeof data['hoursPerWeek'] === 'number' ? data['hoursPerWeek'] : 0,
  supportsWanted: texts(data['supportsWanted']),
});

/** Pure: the record's state in force after its entries, in order. */
export function inForceOf(entries: readonly RecordEntry[]): InForce {
  let state: InForce = { consent: null, plan: null, proposal: null, careerProfile: null, services: [], flagActions: {}, treatmentEnded: false };
  for (const { type, data, occurredAt } of entries) {
    switch (type) {
      case 'ConsentGiven':
        state = { ...state, consent: { shareWith: texts(data['shareWith']), employerDisclosure: data['employerDisclosure'] === true } };
        break;
      case 'ConsentWithdrawn':
        state = { ...state, consent: null };
        break;
      case 'ActionPlanWritten':
        state = { ...state, plan: planOf(data), proposal: null };
        break;
      case 'ActionPlanProposed':
        state = { ...state, proposal: { ...planOf(data), proposalId: String(data['proposalId']), note: text(data['note']) ?? null, proposedAt: occurredAt } };
        break;
      case 'ParticipantDischarged':
        state = { ...state, proposal: null };
        break;
      case 'CareerProfileCreated':
      case 'CareerProfileUpdated':
        state = {
          ...state,
          careerProfile: {
            workHistory: text(data['workHistory']),
            education: text(data['education']),
            strengths: texts(data['strengths']),
            interests: texts(data['interests']),
          },
        };
        break;
      case 'MunicipalServiceGranted':
        state = { ...state, services: [...state.services, { serviceId: String(data['serviceId']), kind: String(data['kind']) }] };
        break;
      case 'MunicipalServiceEnded':
        state = { ...state, services: state.services.filter((service) => service.serviceId !== data['serviceId']) };
        break;
      case 'RelapseRiskFlagRaised':
      case 'RelapseRiskFlagChanged':
        state = { ...state, flagActions: { ...state.flagActions, [String(data['flagId'])]: texts(data['actions']) } };
        break;
      case 'TreatmentEnded':
        state = { ...state, treatmentEnded: true };
        break;
      case 'TreatmentTeamLinked':
        state = { ...state, treatmentEnded: false };
        break;
    }
  }
  return state;
}
