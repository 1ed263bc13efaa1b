import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, participantCareAggregate } from '../index';
import {
  command,
  dischargeNoted,
  enrolmentNoted,
  flagChanged,
  flagCleared,
  flagId,
  flagRaised,
  now,
  otherFlagId,
  participantId,
} from '../testing/participant-care.fixtures';
import { ClearRelapseFlag, decideClearRelapseFlag } from './clear-relapse-flag.decide';

const spec = decideSpec(participantCareAggregate, decideClearRelapseFlag);
const clear = (data: Partial<ClearRelapseFlag['data']> = {}): ClearRelapseFlag =>
  command('ClearRelapseFlag', { participantId, flagId, reason: 'stable at work for a month', ...data });
const cleared = (reason: string | null = 'stable at work for a month') => ({
  type: 'RelapseRiskFlagCleared' as const,
  data: { participantId, flagId, reason, at: now },
});

describe('clear relapse flag', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(clear()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('refuses: no flag was raised', () => {
      spec.given(enrolmentNoted).when(clear()).thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Enrolled with an open flag', () => {
    it('clears it with the reason', () => {
      spec.given(enrolmentNoted, flagRaised, flagChanged).when(clear()).then(cleared());
    });

    it('clears it without a reason', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(clear({ reason: undefined }))
        .then(cleared(null));
    });

    it('refuses another flag id', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(clear({ flagId: otherFlagId }))
        .thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Enrolled with a cleared flag', () => {
    it('refuses to clear it twice', () => {
      spec.given(enrolmentNoted, flagRaised, flagCleared).when(clear()).thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Discharged with an open flag', () => {
    it('clears it, so no warning outlives IPS', () => {
      spec.given(enrolmentNoted, flagRaised, dischargeNoted).when(clear()).then(cleared());
    });
  });
});
