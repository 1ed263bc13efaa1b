import { randomUUID } from 'node:crypto';
import {
  MunicipalContactAssignedV1,
  ParticipantDischargedV1,
  ParticipantEnrolledV1,
  ParticipantReferredV1,
  ParticipantReferredV2,
  ParticipantTransferredV1,
  TreatmentTeamLinkedV1,
} from '@ips/contracts';

const caseworker = { sub: 'cw-recorder', agency: 'welfare-office', role: 'caseworker' } as const;
const referralData = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1990-01-01', referredBy: 'self' };

/** The participant events the directory reads, as the agencies publish them, for tests: each call a new event id. */
export const participantEvents = {
  /** A referral from before teams (v1): the participant belongs to the default team. */
  referredV1: (participantId: string, occurredAt = '2026-01-10T09:00:00.000Z'): ParticipantReferredV1 => ({
    id: randomUUID(),
    type: 'ParticipantReferred',
    version: 1,
    source: 'welfare-office',
    participantId,
    occurredAt,
    recordedBy: caseworker,
    data: referralData,
  }),
  referred: (participantId: string, teamId: string, occurredAt = '2026-01-10T09:00:00.000Z'): ParticipantReferredV2 => ({
    id: randomUUID(),
    type: 'ParticipantReferred',
    version: 2,
    source: 'welfare-office',
    participantId,
    occurredAt,
    recordedBy: caseworker,
    data: { ...referralData, teamId },
  }),
  transferred: (participantId: string, fromTeamId: string, toTeamId: string, on: string, occurredAt = `${on}T08:00:00.000Z`): ParticipantTransferredV1 => ({
    id: randomUUID(),
    type: 'ParticipantTransferred',
    version: 1,
    source: 'welfare-office',
    participantId,
    occurredAt,
    recordedBy: caseworker,
    data: { fromTeamId, toTeamId, reason: 'moved to another town', on },
  }),
  enrolled: (
    participantId: string,
    employmentSpecialistId: string,
    contactPersonId: string,
    occurredAt = '2026-01-20T09:00:00.000Z',
  ): ParticipantEnrolledV1 => ({
    id: randomUUID(),
    type: 'ParticipantEnrolled',
    version: 1,
    source: 'welfare-office',
    participantId,
    occurredAt,
    recordedBy: caseworker,
    data: { employmentSpecialistId, contactPersonId },
  }),
  discharged: (participantId: string, occurredAt = '2026-06-01T09:00:00.000Z'): ParticipantDischargedV1 => ({
    id: randomUUID(),
    type: 'ParticipantDischarged',
    version: 1,
    source: 'welfare-office',
    participantId,
    occurredAt,
    recordedBy: caseworker,
    data: { reason: 'steady-employment' },
  }),
  treatmentLinked: (participantId: string, clinicianId: string, occurredAt = '2026-01-15T09:00:00.000Z'): TreatmentTeamLinkedV1 => ({
    id: randomUUID(),
    type: 'TreatmentTeamLinked',
    version: 1,
    source: 'mental-health',
    participantId,
    occurredAt,
    recordedBy: { sub: clinicianId, agency: 'mental-health', role: 'clinician' },
    data: { teamName: 'DPS Nidaros', clinicianId },
  }),
  municipalContact: (participantId: string, contactPersonId: string, occurredAt = '2026-01-16T09:00:00.000Z'): MunicipalContactAssignedV1 => ({
    id: randomUUID(),
    type: 'MunicipalContactAssigned',
    version: 1,
    source: 'municipality',
    participantId,
    occurredAt,
    recordedBy: { sub: contactPersonId, agency: 'municipality', role: 'municipal-worker' },
    data: { contactPersonId },
  }),
};
