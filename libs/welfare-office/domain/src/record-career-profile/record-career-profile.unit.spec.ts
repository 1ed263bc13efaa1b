import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, enrolled, now, participantId, profile, profileCreated, referred } from '../testing/participant.fixtures';
import { decideCreateCareerProfile } from './record-career-profile.decide';

const create = decideSpec(participantAggregate, decideCreateCareerProfile);
const createIt = command('CreateCareerProfile' as const, { participantId, ...profile });

describe('record-career-profile: career profile', () => {
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
  });
  describe('Enrolled with a profile', () => {
    it('is not created twice', () => create.given(referred, enrolled, profileCreated).when(createIt).thenRefused(ParticipantErrors.profileExists, 'conflict'));
  });
});
