import { ParticipantDischargedV1, ParticipantEnrolledV1, contracts } from '@ips/contracts';
import { participantId } from '../testing/participant-care.fixtures';
import { react } from './note-enrolment-when-participant-enrolled.react';

const recordedBy = { sub: 'cw-3', agency: 'welfare-office', role: 'caseworker' };
const enrolled: ParticipantEnrolledV1 = {
  id: '01a20000-0000-7000-8000-0000000000e1',
  type: 'ParticipantEnrolled',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-01-12T10:00:00.000Z',
  recordedBy,
  data: { employmentSpecialistId: 'es-7', contactPersonId: 'cw-3' },
};
const discharged: ParticipantDischargedV1 = {
  id: '01a20000-0000-7000-8000-0000000000e2',
  type: 'ParticipantDischarged',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-12-01T10:00:00.000Z',
  recordedBy,
  data: { reason: 'steady-employment', note: 'full time at the warehouse since March' },
};

describe('note enrolment when participant enrolled', () => {
  it('reacts to a valid shared event (fixtures match the contract)', () => {
    expect(contracts.validate(enrolled).ok).toBe(true);
    expect(contracts.validate(discharged).ok).toBe(true);
  });

  it('notes an enrolment, as recorded by the caseworker, when it happened, correlated to the event', () => {
    expect(react(enrolled)).toEqual({
      type: 'NoteEnrolment',
      data: { participantId, employmentSpecialistId: 'es-7' },
      metadata: { actor: recordedBy, now: enrolled.occurredAt, correlationId: enrolled.id },
    });
  });

  it('notes a discharge with its reason, without the free-text note', () => {
    expect(react(discharged)).toEqual({
      type: 'NoteDischarge',
      data: { participantId, reason: 'steady-employment' },
      metadata: { actor: recordedBy, now: discharged.occurredAt, correlationId: discharged.id },
    });
  });

  it('ignores other events and versions it does not know', () => {
    expect(react({ ...enrolled, type: 'ConsentGiven', data: { shareWith: [], employerDisclosure: false } })).toBeNull();
    expect(react({ ...enrolled, version: 2 })).toBeNull();
  });
});
