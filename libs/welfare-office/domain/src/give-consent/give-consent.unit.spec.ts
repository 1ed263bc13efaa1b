import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, consentGiven, now, participantId, referred } from '../testing/participant.fixtures';
import { decideGiveConsent, decideWithdrawConsent } from './give-consent.decide';

const give = decideSpec(participantAggregate, decideGiveConsent);
const withdraw = decideSpec(participantAggregate, decideWithdrawConsent);
const consent = command('GiveConsent' as const, {
  participantId,
  shareWith: ['mental-health', 'employer', 'mental-health', 'welfare-office'] as ('mental-health' | 'employer' | 'welfare-office')[],
  employerDisclosure: true,
});

describe('consent', () => {
  describe('Unknown', () => {
    it('cannot be given for nobody', () => give.given().when(consent).thenRefused(ParticipantErrors.notFound, 'not-found'));
  });
  describe('Referred', () => {
    it('is given with each agency once; the welfare office is always in the circle', () =>
      give
        .given(referred)
        .when(consent)
        .then({
          type: 'ConsentGiven',
          data: { participantId, shareWith: ['mental-health', 'employer'], employerDisclosure: true, at: now },
        }));
    it.each([[[]], [['mental-health', 'municipality']], [['welfare-office']]] as const)(
      'cannot tell the employer while not sharing with it (shareWith %j)',
      (shareWith) =>
        give
          .given(referred)
          .when(command('GiveConsent' as const, { participantId, shareWith: [...shareWith], employerDisclosure: true }))
          .thenRefused(ParticipantErrors.disclosureWithoutEmployer, 'rejected'),
    );
    it('may share with the employer without telling it', () =>
      give
        .given(referred)
        .when(command('GiveConsent' as const, { participantId, shareWith: ['employer'], employerDisclosure: false }))
        .then({ type: 'ConsentGiven', data: { participantId, shareWith: ['employer'], employerDisclosure: false, at: now } }));
    it('cannot be withdrawn when none was given', () =>
      withdraw
        .given(referred)
        .when(command('WithdrawConsent' as const, { participantId }))
        .thenRefused(ParticipantErrors.noConsent, 'conflict'));
  });
  describe('Referred with consent', () => {
    it('is replaced by a new one', () =>
      give
        .given(referred, consentGiven)
        .when(command('GiveConsent' as const, { participantId, shareWith: [], employerDisclosure: false }))
        .then({ type: 'ConsentGiven', data: { participantId, shareWith: [], employerDisclosure: false, at: now } }));
    it('is withdrawn', () =>
      withdraw
        .given(referred, consentGiven)
        .when(command('WithdrawConsent' as const, { participantId, reason: 'changed my mind' }))
        .then({ type: 'ConsentWithdrawn', data: { participantId, reason: 'changed my mind', at: now } }));
  });
});
