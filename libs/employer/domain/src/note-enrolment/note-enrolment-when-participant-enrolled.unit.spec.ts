import { ParticipantDischargedV1, ParticipantEnrolledV1, ParticipantReferredV1 } from '@ips/contracts';
import { participantId } from '../testing/participant-employment.fixtures';
import { react } from './note-enrolment-when-participant-enrolled.react';

const recordedBy = { sub: 'cw-3', agency: 'welfare-office', role: 'caseworker' };
const participantEnrolled: ParticipantEnrolledV1 = {
  id: '0190a6f0-0000-7000-8000-00000000d001',
  type: 'ParticipantEnrolled',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-01-12T10:00:00.000Z',
  recordedBy,
  data: { employmentSpecialistId: 'es-7', contactPersonId: 'cw-3' },
};
const participantDischarged: ParticipantDischargedV1 = {
  id: '0190a6f0-0000-7000-8000-00000000d002',
  type: 'ParticipantDischarged',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2027-02-01T09:00:00.000Z',
  recordedBy,
  data: { reason: 'steady-employment', note: 'a year in the same job' },
};

describe('note enrolment when the welfare office enrols or discharges a participant', () => {
  it('notes an enrolment, as recorded by the welfare office, when it happened', () => {
    expect(react(participantEnrolled)).toEqual({
      type: 'NoteEnrolment',
      data: { participantId, employmentSpecialistId: 'es-7' },
      metadata: { actor: recordedBy, now: '2026-01-12T10:00:00.000Z', correlationId: participantEnrolled.id },
    });
  });

  it('notes a discharge with its reason, leaving the welfare office’s note behind', () => {
    expect(react(participantDischarged)).toEqual({
      type: 'NoteDischarge',
      data: { participantId, reason: 'steady-employment' },
      metadata: { actor: recordedBy, now: '2027-02-01T09:00:00.000Z', correlationId: participantDischarged.id },
    });
  });

  it('ignores other events', () => {
    const referred: ParticipantReferredV1 = {
      ...participantEnrolled,
      type: 'ParticipantReferred',
      data: { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' },
    };
    expect(react(referred)).toBeNull();
  });

  it('ignores a version it does not know', () => {
    expect(react({ ...participantEnrolled, version: 2 })).toBeNull();
  });
});
