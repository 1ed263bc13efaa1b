import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, RelapseFlagFields, participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, flag, flagCleared, flagRaised, now, otherFlagId, participantId } from '../testing/participant-care.fixtures';
import { ChangeRelapseFlag, decideChangeRelapseFlag } from './change-relapse-flag.decide';

const spec = decideSpec(participantCareAggregate, decideChangeRelapseFlag);
const fields: RelapseFlagFields = {
  ...flag,
  level: 'acute',
  reviewBy: '2026-03-12',
  actions: ['daily call from the clinician'],
};
const change = (data: Partial<RelapseFlagFields> = {}): ChangeRelapseFlag => command('ChangeRelapseFlag', { participantId, ...fields, ...data });
const changed = (data: Partial<RelapseFlagFields> = {}) => ({
  type: 'RelapseRiskFlagChanged' as const,
  data: { participantId, ...fields, ...data, at: now },
});

describe('change relapse flag', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(change()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('refuses: no flag was raised', () => {
      spec.given(enrolmentNoted).when(change()).thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Enrolled with an open flag', () => {
    it('records the new level, review date and actions', () => {
      spec.given(enrolmentNoted, flagRaised).when(change()).then(changed());
    });

    it('changes nothing when nothing changed', () => {
      const raisedAsAsked = { type: 'RelapseRiskFlagRaised' as const, data: { participantId, ...fields, at: now } };
      spec.given(enrolmentNoted, raisedAsAsked).when(change()).then();
    });

    it('refuses to keep an overdue review date, even when only the actions change', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(change({ ...flag, actions: ['specialist meets the participant on Mondays'] }))
        .thenRefused(ParticipantCareErrors.reviewDateInPast, 'rejected');
    });

    it('rejects a review date before today', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(change({ reviewBy: '2026-03-09' }))
        .thenRefused(ParticipantCareErrors.reviewDateInPast, 'rejected');
    });

    it('refuses another flag id', () => {
      spec
        .given(enrolmentNoted, flagRaised)
        .when(change({ flagId: otherFlagId }))
        .thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Enrolled with a cleared flag', () => {
    it('refuses: the flag is no longer raised', () => {
      spec.given(enrolmentNoted, flagRaised, flagCleared).when(change()).thenRefused(ParticipantCareErrors.flagNotRaised, 'conflict');
    });
  });

  describe('Discharged with an open flag', () => {
    it('refuses: IPS has ended, the flag can only be cleared', () => {
      spec.given(enrolmentNoted, flagRaised, dischargeNoted).when(change()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });
});
