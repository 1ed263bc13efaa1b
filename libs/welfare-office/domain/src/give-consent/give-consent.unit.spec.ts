import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, consentGiven, now, participantId, referred } from '../testing/participant.fixtures';
import { decideGiveConsent } from './give-consent.decide';

const give = decideSpec(participantAggregate, decideGiveConsent);
const consent = command('GiveConsent' as const, {
  participantId,
  shareWith: ['mental-health', 'employer', 'mental-health', 'welfare-office'] as ('mental-health' | 'employer' | 'welfare-office')[],
  employerDisclosure: true,
});

describe('give-consent: consent', () => {
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
  });
  describe('Referred with consent', () => {
    it('is replaced by a new one', () =>
      give
        .given(referred, consentGiven)
        .when(command('GiveConsent' as const, { participantId, shareWith: [], employerDisclosure: false }))
        .then({ type: 'ConsentGiven', data: { participantId, shareWith: [], employerDisclosure: false, at: now } }));
  });
});
