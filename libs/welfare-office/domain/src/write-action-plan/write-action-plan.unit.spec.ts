import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import {
  command,
  discharged,
  enrolled,
  laterProposalId,
  now,
  participantId,
  planWritten,
  proposalId,
  proposed,
  proposedLater,
  referred,
} from '../testing/participant.fixtures';
import { decideWriteActionPlan } from './write-action-plan.decide';

const spec = decideSpec(participantAggregate, decideWriteActionPlan);
const plan = command('WriteActionPlan' as const, {
  participantId,
  goals: ['a paid job by summer'],
  jobPreferences: ['warehouse', 'outdoors'],
  hoursPerWeek: 20,
  supportsWanted: ['help with the CV'],
});
const fromProposal = (id: string) => ({ ...plan, data: { ...plan.data, proposalId: id } });

describe('write-action-plan: write action plan', () => {
  describe('Enrolled', () => {
    it("records the participant's own plan", () =>
      spec
        .given(referred, enrolled)
        .when(plan)
        .then({ type: 'ActionPlanWritten', data: { ...plan.data, at: now } }));
  });
  describe('Enrolled, with a proposal open', () => {
    it('records the plan from the open proposal, naming it', () =>
      spec
        .given(referred, enrolled, proposed)
        .when(fromProposal(proposalId))
        .then({ type: 'ActionPlanWritten', data: { ...plan.data, proposalId, at: now } }));
    it('records a plan of its own too (which closes the proposal)', () =>
      spec
        .given(referred, enrolled, proposed)
        .when(plan)
        .then({ type: 'ActionPlanWritten', data: { ...plan.data, at: now } }));
    it('refuses a proposal the participant never made (not found)', () =>
      spec
        .given(referred, enrolled, proposed)
        .when(fromProposal('0190a6f0-0000-7000-8000-0000000000ff'))
        .thenRefused(ParticipantErrors.proposalNotFound, 'not-found'));
    it('refuses a proposal a later one replaced (conflict)', () =>
      spec.given(referred, enrolled, proposed, proposedLater).when(fromProposal(proposalId)).thenRefused(ParticipantErrors.proposalClosed, 'conflict'));
  });
  describe('Enrolled, the proposal closed by a plan', () => {
    it('refuses to record it again (conflict)', () =>
      spec.given(referred, enrolled, proposed, planWritten).when(fromProposal(proposalId)).thenRefused(ParticipantErrors.proposalClosed, 'conflict'));
    it('takes the proposal made after that plan', () =>
      spec
        .given(referred, enrolled, proposed, planWritten, proposedLater)
        .when(fromProposal(laterProposalId))
        .then({ type: 'ActionPlanWritten', data: { ...plan.data, proposalId: laterProposalId, at: now } }));
  });
  describe('Enrolled, without proposals', () => {
    it('refuses a proposal id (not found)', () =>
      spec.given(referred, enrolled).when(fromProposal(proposalId)).thenRefused(ParticipantErrors.proposalNotFound, 'not-found'));
  });
  describe('Discharged', () => {
    it('is refused', () => spec.given(referred, enrolled, discharged).when(plan).thenRefused(ParticipantErrors.notEnrolled, 'conflict'));
  });
});
