import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, discharged, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideWriteActionPlan } from './write-action-plan.decide';

const spec = decideSpec(participantAggregate, decideWriteActionPlan);
const plan = command('WriteActionPlan' as const, {
  participantId,
  goals: ['a paid job by summer'],
  jobPreferences: ['warehouse', 'outdoors'],
  hoursPerWeek: 20,
  supportsWanted: ['help with the CV'],
});

describe('write action plan', () => {
  describe('Enrolled', () => {
    it("records the participant's own plan", () =>
      spec.given(referred, enrolled).when(plan).then({ type: 'ActionPlanWritten', data: { ...plan.data, at: now } }));
  });
  describe('Discharged', () => {
    it('is refused', () => spec.given(referred, enrolled, discharged).when(plan).thenRefused(ParticipantErrors.notEnrolled, 'conflict'));
  });
});
