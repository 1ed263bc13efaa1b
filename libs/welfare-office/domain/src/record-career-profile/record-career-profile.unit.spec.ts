import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, enrolled, now, participantId, profile, profileCreated, referred } from '../testing/participant.fixtures';
import { decideCreateCareerProfile, decideUpdateCareerProfile } from './record-career-profile.decide';

const create = decideSpec(participantAggregate, decideCreateCareerProfile);
const update = decideSpec(participantAggregate, decideUpdateCareerProfile);
const createIt = command('CreateCareerProfile' as const, { participantId, ...profile });
const updateIt = command('UpdateCareerProfile' as const, { participantId, ...profile, interests: ['warehouse', 'driving'] });

describe('career profile', () => {
  describe('Unknown', () => {
    it('is not found', () => create.given().when(createIt).thenRefused(ParticipantErrors.notFound, 'not-found'));
  });
  describe('Referred', () => {
    it('waits for enrolment', () => create.given(referred).when(createIt).thenRefused(ParticipantErrors.notEnrolled, 'conflict'));
  });
  describe('Enrolled', () => {
    it('is created', () =>
      create
        .given(referred, enrolled)
        .when(createIt)
        .then({ type: 'CareerProfileCreated', data: { participantId, ...profile, at: now } }));
    it('cannot be updated before it exists', () => update.given(referred, enrolled).when(updateIt).thenRefused(ParticipantErrors.noProfile, 'conflict'));
  });
  describe('Enrolled with a profile', () => {
    it('is not created twice', () => create.given(referred, enrolled, profileCreated).when(createIt).thenRefused(ParticipantErrors.profileExists, 'conflict'));
    it('is updated', () =>
      update
        .given(referred, enrolled, profileCreated)
        .when(updateIt)
        .then({ type: 'CareerProfileUpdated', data: { ...updateIt.data, at: now } }));
  });
});
