import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, enrolled, now, participantId, profile, profileCreated, referred } from '../testing/participant.fixtures';
import { decideUpdateCareerProfile } from './update-career-profile.decide';

const update = decideSpec(participantAggregate, decideUpdateCareerProfile);
const updateIt = command('UpdateCareerProfile' as const, { participantId, ...profile, interests: ['warehouse', 'driving'] });

describe('update-career-profile: career profile', () => {
  describe('Enrolled', () => {
    it('cannot be updated before it exists', () => update.given(referred, enrolled).when(updateIt).thenRefused(ParticipantErrors.noProfile, 'conflict'));
  });
  describe('Enrolled with a profile', () => {
    it('is updated', () =>
      update
        .given(referred, enrolled, profileCreated)
        .when(updateIt)
        .then({ type: 'CareerProfileUpdated', data: { ...updateIt.data, at: now } }));
  });
});
