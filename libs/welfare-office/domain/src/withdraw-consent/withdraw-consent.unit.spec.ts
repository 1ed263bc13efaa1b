import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, consentGiven, now, participantId, referred } from '../testing/participant.fixtures';
import { decideWithdrawConsent } from './withdraw-consent.decide';

const withdraw = decideSpec(participantAggregate, decideWithdrawConsent);

describe('withdraw-consent: consent', () => {
  describe('Referred', () => {
    it('cannot be withdrawn when none was given', () =>
      withdraw
        .given(referred)
        .when(command('WithdrawConsent' as const, { participantId }))
        .thenRefused(ParticipantErrors.noConsent, 'conflict'));
  });
  describe('Referred with consent', () => {
    it('is withdrawn', () =>
      withdraw
        .given(referred, consentGiven)
        .when(command('WithdrawConsent' as const, { participantId, reason: 'changed my mind' }))
        .then({ type: 'ConsentWithdrawn', data: { participantId, reason: 'changed my mind', at: now } }));
  });
});
