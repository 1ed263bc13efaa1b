import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, now, participantId, teamLinked, treatmentEnded } from '../testing/participant-care.fixtures';
import { EndTreatment, decideEndTreatment } from './end-treatment.decide';

const spec = decideSpec(participantCareAggregate, decideEndTreatment);
const end = (data: Partial<EndTreatment['data']> = {}): EndTreatment =>
  command('EndTreatment', { participantId, endedOn: '2026-03-10', reason: 'treatment goals reached', ...data });
const ended = (reason: string | null = 'treatment goals reached') => ({
  type: 'TreatmentEnded' as const,
  data: { participantId, endedOn: '2026-03-10', reason, at: now },
});

describe('end treatment', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(end()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('refuses: no treatment team is linked', () => {
      spec.given(enrolmentNoted).when(end()).thenRefused(ParticipantCareErrors.noTeam, 'conflict');
    });
  });

  describe('Enrolled with a team', () => {
    it('ends treatment on the given day', () => {
      spec.given(enrolmentNoted, teamLinked).when(end()).then(ended());
    });

    it('ends treatment without a reason', () => {
      spec
        .given(enrolmentNoted, teamLinked)
        .when(end({ reason: undefined }))
        .then(ended(null));
    });
  });

  describe('Enrolled after treatment ended', () => {
    it('refuses to end it twice', () => {
      spec.given(enrolmentNoted, teamLinked, treatmentEnded).when(end()).thenRefused(ParticipantCareErrors.treatmentAlreadyEnded, 'conflict');
    });

    it('ends a treatment that started again', () => {
      spec.given(enrolmentNoted, teamLinked, treatmentEnded, teamLinked).when(end()).then(ended());
    });
  });

  describe('Discharged', () => {
    it('refuses: IPS has ended', () => {
      spec.given(enrolmentNoted, teamLinked, dischargeNoted).when(end()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });
});
