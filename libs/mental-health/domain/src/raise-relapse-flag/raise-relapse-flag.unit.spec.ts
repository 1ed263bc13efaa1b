import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, RelapseFlagFields, participantCareAggregate } from '../index';
import {
  command,
  dischargeNoted,
  enrolmentNoted,
  flagCleared,
  flagId,
  flagRaised,
  now,
  otherFlagId,
  participantId,
  today,
} from '../testing/participant-care.fixtures';
import { RaiseRelapseFlag, decideRaiseRelapseFlag } from './raise-relapse-flag.decide';

const spec = decideSpec(participantCareAggregate, decideRaiseRelapseFlag);
const fields: RelapseFlagFields = { flagId, level: 'watch', reviewBy: '2026-03-24', actions: ['clinician calls on Fridays'] };
const raise = (data: Partial<RelapseFlagFields> = {}): RaiseRelapseFlag => command('RaiseRelapseFlag', { participantId, ...fields, ...data });
const raised = (data: Partial<RelapseFlagFields> = {}) => ({
  type: 'RelapseRiskFlagRaised' as const,
  data: { participantId, ...fields, ...data, at: now },
});

describe('raise relapse flag', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(raise()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('raises the flag with its level, review date and agreed actions', () => {
      spec.given(enrolmentNoted).when(raise()).then(raised());
    });

    it('accepts a review today', () => {
      spec
        .given(enrolmentNoted)
        .when(raise({ reviewBy: today }))
        .then(raised({ reviewBy: today }));
    });

    it('rejects a review date before today', () => {
      spec
        .given(enrolmentNoted)
        .when(raise({ reviewBy: '2026-03-09' }))
        .thenRefused(ParticipantCareErrors.reviewDateInPast, 'rejected');
    });
  });

  describe('Enrolled with an open flag', () => {
    it('refuses a second open flag: change the open one instead', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(raise({ flagId: otherFlagId }))
        .thenRefused(ParticipantCareErrors.flagAlreadyOpen, 'conflict');
    });

    it('refuses the same flag id again', () => {
      spec.given(enrolmentNoted, flagRaised).when(raise()).thenRefused(ParticipantCareErrors.flagAlreadyRaised, 'conflict');
    });
  });

  describe('Enrolled with a cleared flag', () => {
    it('raises a new flag', () => {
      spec
        .given(enrolmentNoted, flagRaised, flagCleared)
        .when(raise({ flagId: otherFlagId }))
        .then(raised({ flagId: otherFlagId }));
    });

    it('never reuses a cleared flag id', () => {
      spec.given(enrolmentNoted, flagRaised, flagCleared).when(raise()).thenRefused(ParticipantCareErrors.flagAlreadyRaised, 'conflict');
    });
  });

  describe('Discharged', () => {
    it('refuses: IPS has ended', () => {
      spec.given(enrolmentNoted, dischargeNoted).when(raise()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });
});
