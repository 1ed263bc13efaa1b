import { date, personal, text, texts } from './fields';
import { EventContract, EventOf } from './shared-event';

const publisher = 'mental-health';
/** Health information: shared in the circle, never with an employer. No diagnosis field anywhere. */
const audience = 'sharing-circle-not-employer';

export const RELAPSE_RISK_LEVELS = ['watch', 'elevated', 'acute'] as const;

export const treatmentTeamLinkedV1 = {
  type: 'TreatmentTeamLinked',
  version: 1,
  publisher,
  audience,
  description: "The participant's treatment team and clinician at the mental-health service, linked to the IPS team.",
  fields: { teamName: text(200, 'treatment team'), clinicianId: text(200, 'user id of the responsible clinician') },
} as const satisfies EventContract;

export const integrationMeetingHeldV1 = {
  type: 'IntegrationMeetingHeld',
  version: 1,
  publisher,
  audience,
  description: 'Treatment team and employment specialist met about the participant; who attended and what was decided.',
  fields: {
    heldOn: date('date of the meeting'),
    attendees: personal(texts(30, 'user ids or names of those present')),
    decisions: personal(texts(30, 'shared decisions')),
  },
} as const satisfies EventContract;

const flagFields = {
  flagId: { rule: { kind: 'uuid' }, description: 'the flag' },
  level: { rule: { kind: 'enum', values: RELAPSE_RISK_LEVELS }, description: 'how worried the treatment team is' },
  reviewBy: date('when the team looks at it again'),
  actions: personal(texts(20, 'agreed actions (who does what)')),
} as const;

export const relapseRiskFlagRaisedV1 = {
  type: 'RelapseRiskFlagRaised',
  version: 1,
  publisher,
  audience,
  description: 'Treatment staff see a relapse coming: an early warning to the team.',
  fields: flagFields,
} as const satisfies EventContract;

export const relapseRiskFlagChangedV1 = {
  type: 'RelapseRiskFlagChanged',
  version: 1,
  publisher,
  audience,
  description: 'Level, review date or agreed actions of a raised flag changed.',
  fields: flagFields,
} as const satisfies EventContract;

export const relapseRiskFlagClearedV1 = {
  type: 'RelapseRiskFlagCleared',
  version: 1,
  publisher,
  audience,
  description: 'The warning is over.',
  fields: { flagId: flagFields.flagId, reason: personal(text(2000, 'why', true)) },
} as const satisfies EventContract;

export const treatmentEndedV1 = {
  type: 'TreatmentEnded',
  version: 1,
  publisher,
  audience,
  description: 'Treatment at the mental-health service ended. IPS support may go on.',
  fields: { endedOn: date('last day of treatment'), reason: personal(text(2000, 'why', true)) },
} as const satisfies EventContract;

export type TreatmentTeamLinkedV1 = EventOf<typeof treatmentTeamLinkedV1>;
export type IntegrationMeetingHeldV1 = EventOf<typeof integrationMeetingHeldV1>;
export type RelapseRiskFlagRaisedV1 = EventOf<typeof relapseRiskFlagRaisedV1>;
export type RelapseRiskFlagChangedV1 = EventOf<typeof relapseRiskFlagChangedV1>;
export type RelapseRiskFlagClearedV1 = EventOf<typeof relapseRiskFlagClearedV1>;
export type TreatmentEndedV1 = EventOf<typeof treatmentEndedV1>;

export const mentalHealthContracts = [
  treatmentTeamLinkedV1,
  integrationMeetingHeldV1,
  relapseRiskFlagRaisedV1,
  relapseRiskFlagChangedV1,
  relapseRiskFlagClearedV1,
  treatmentEndedV1,
] as const;

export type MentalHealthSharedEvent =
  TreatmentTeamLinkedV1 | IntegrationMeetingHeldV1 | RelapseRiskFlagRaisedV1 | RelapseRiskFlagChangedV1 | RelapseRiskFlagClearedV1 | TreatmentEndedV1;
