import { decideSpec, metadataAt } from '@ips/testing';
import { ParticipantErrors, ParticipantEvent, participantAggregate } from '../index';
import { EnrolParticipant, decideEnrolParticipant } from './enrol-participant.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000bbbb';
const spec = decideSpec(participantAggregate, decideEnrolParticipant);
const enrol: EnrolParticipant = {
  type: 'EnrolParticipant',
  data: { participantId, employmentSpecialistId: 'es-7', contactPersonId: 'cw-3' },
  metadata: metadataAt('2026-01-12T10:00:00.000Z'),
};
const referred: ParticipantEvent = {
  type: 'ParticipantReferred',
  data: {
    participantId,
    givenName: 'Ola',
    familyName: 'Hansen',
    birthDate: '2001-11-30',
    referredBy: 'self',
    reason: null,
    referredAt: '2026-01-05T09:00:00.000Z',
  },
};
const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  data: { participantId, employmentSpecialistId: 'es-7', contactPersonId: 'cw-3', enrolledAt: '2026-01-12T10:00:00.000Z' },
};

describe('enrol participant', () => {
  describe('Unknown', () => {
    it('refuses: there is no referral to enrol', () => {
      spec.given().when(enrol).thenRefused(ParticipantErrors.notFound, 'not-found');
    });
  });

  describe('Referred', () => {
    it('puts the participant on the specialist’s caseload with a fixed contact person', () => {
      spec.given(referred).when(enrol).then(enrolled);
    });
  });

  describe('ReferralWithdrawn', () => {
    it('refuses: the participant withdrew the referral', () => {
      const withdrawn: ParticipantEvent = {
        type: 'ReferralWithdrawn',
        data: { participantId, reason: 'not now', at: '2026-01-06T09:00:00.000Z' },
      };
      spec.given(referred, withdrawn).when(enrol).thenRefused(ParticipantErrors.referralClosed, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('refuses a second enrolment', () => {
      spec.given(referred, enrolled).when(enrol).thenRefused(ParticipantErrors.alreadyEnrolled, 'conflict');
    });
  });
});
