import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideWithdrawReferral } from './withdraw-referral.decide';

const spec = decideSpec(participantAggregate, decideWithdrawReferral);
const withdraw = command('WithdrawReferral' as const, { participantId, reason: 'I got a job on my own' });

describe('withdraw-referral: withdraw referral', () => {
  describe('Unknown', () => {
    it('is not found', () => spec.given().when(withdraw).thenRefused(ParticipantErrors.notFound, 'not-found'));
  });
  describe('Referred', () => {
    it("ends the referral by the participant's choice, keeping the reason", () =>
      spec
        .given(referred)
        .when(withdraw)
        .then({ type: 'ReferralWithdrawn', data: { participantId, reason: 'I got a job on my own', at: now } }));
  });
  describe('Enrolled', () => {
    it('is refused: the referral is closed, discharge instead', () =>
      spec.given(referred, enrolled).when(withdraw).thenRefused(ParticipantErrors.referralClosed, 'conflict'));
  });
});
