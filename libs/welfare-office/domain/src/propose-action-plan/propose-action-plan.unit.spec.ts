import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import {
  command,
  discharged,
  enrolled,
  erased,
  now,
  participantId,
  planWritten,
  proposal,
  proposalId,
  proposed,
  referred,
  withdrawn,
} from '../testing/participant.fixtures';
import { decideProposeActionPlan } from './propose-action-plan.decide';
import { unlessErased } from '../participant/participant.rules';

const spec = decideSpec(participantAggregate, unlessErased(decideProposeActionPlan));
const propose = command('ProposeActionPlan' as const, { participantId, proposalId, ...proposal, note: 'fewer hours at first' });
const fold = (...events: Parameters<typeof participantAggregate.evolve>[1][]) => events.reduce(participantAggregate.evolve, participantAggregate.initialState);

describe('propose-action-plan: propose action plan (the participant, on their own page)', () => {
  describe('Unknown', () => {
    it('is not found', () => spec.given().when(propose).thenRefused(ParticipantErrors.notFound, 'not-found'));
  });
  describe('Referred', () => {
    it('records the proposal: the plan is theirs from the referral on', () =>
      spec
        .given(referred)
        .when(propose)
        .then({ type: 'ActionPlanProposed', data: { ...propose.data, at: now } }));
  });
  describe('Enrolled', () => {
    it('records the proposal, open for the specialist to record', () => {
      spec
        .given(referred, enrolled)
        .when(propose)
        .then({ type: 'ActionPlanProposed', data: { ...propose.data, at: now } });
      expect(fold(referred, enrolled, proposed)).toMatchObject({ proposals: { open: proposalId, closed: [] } });
    });
    it('keeps only the latest proposal open; a later plan closes it', () => {
      const laterId = '0190a6f0-0000-7000-8000-0000000000a9';
      const later = { ...proposed, data: { ...proposed.data, proposalId: laterId } } as typeof proposed;
      expect(fold(referred, enrolled, proposed, later)).toMatchObject({ proposals: { open: laterId, closed: [proposalId] } });
      expect(fold(referred, enrolled, proposed, planWritten)).toMatchObject({ proposals: { open: null, closed: [proposalId] } });
    });
  });
  describe('ReferralWithdrawn', () => {
    it('is refused: the referral is closed', () => spec.given(referred, withdrawn).when(propose).thenRefused(ParticipantErrors.referralClosed, 'conflict'));
  });
  describe('Discharged', () => {
    it('is refused, and the discharge closed any open proposal', () => {
      spec.given(referred, enrolled, proposed, discharged).when(propose).thenRefused(ParticipantErrors.discharged, 'conflict');
      expect(fold(referred, enrolled, proposed, discharged)).toMatchObject({ proposals: { open: null, closed: [proposalId] } });
    });
  });
  describe('Erased', () => {
    it('is refused: nothing more is recorded', () => spec.given(referred, enrolled, erased).when(propose).thenRefused(ParticipantErrors.erased, 'conflict'));
  });
});
