import { date, note, personal, text } from './fields';
import { EventContract, EventOf } from './shared-event';

const publisher = 'municipality';
const audience = 'sharing-circle';

export const MUNICIPAL_SERVICE_KINDS = ['housing', 'social-assistance', 'activity'] as const;

export const municipalContactAssignedV1 = {
  type: 'MunicipalContactAssigned',
  version: 1,
  publisher,
  audience,
  description: "The participant's contact person at the municipality.",
  fields: { contactPersonId: text(200, 'user id of the municipal contact person') },
} as const satisfies EventContract;

export const municipalServiceGrantedV1 = {
  type: 'MunicipalServiceGranted',
  version: 1,
  publisher,
  audience,
  description: 'A municipal service was granted: housing, social assistance or an activity service.',
  fields: {
    serviceId: { rule: { kind: 'uuid' }, description: 'the grant' },
    kind: { rule: { kind: 'enum', values: MUNICIPAL_SERVICE_KINDS }, description: 'which service' },
    grantedFrom: date('from when'),
    note,
  },
} as const satisfies EventContract;

export const municipalServiceEndedV1 = {
  type: 'MunicipalServiceEnded',
  version: 1,
  publisher,
  audience,
  description: 'A municipal service ended.',
  fields: {
    serviceId: { rule: { kind: 'uuid' }, description: 'the grant' },
    endedOn: date('last day'),
    reason: personal(text(2000, 'why', true)),
  },
} as const satisfies EventContract;

export type MunicipalContactAssignedV1 = EventOf<typeof municipalContactAssignedV1>;
export type MunicipalServiceGrantedV1 = EventOf<typeof municipalServiceGrantedV1>;
export type MunicipalServiceEndedV1 = EventOf<typeof municipalServiceEndedV1>;

export const municipalityContracts = [municipalContactAssignedV1, municipalServiceGrantedV1, municipalServiceEndedV1] as const;

export type MunicipalitySharedEvent = MunicipalContactAssignedV1 | MunicipalServiceGrantedV1 | MunicipalServiceEndedV1;
