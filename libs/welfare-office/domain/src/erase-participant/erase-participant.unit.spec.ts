import { decideSpec } from '@ips/testing';
import { ParticipantErrors, decideWriteActionPlan, participantAggregate, unlessErased } from '../index';
import { command, discharged, enrolled, erased, now, participantId, referred } from '../testing/participant.fixtures';
import { decideEraseParticipant } from './erase-participant.decide';

const spec = decideSpec(participantAggregate, decideEraseParticipant);
const erase = command('EraseParticipant' as const, { participantId });

describe('erase-participant: erase a participant', () => {
  it('is refused for an unknown participant', () => spec.given().when(erase).thenRefused(ParticipantErrors.notFound, 'not-found'));

  it.each([
    ['referred', [referred]],
    ['enrolled', [referred, enrolled]],
    ['discharged', [referred, enrolled, discharged]],
  ])('is recorded for a %s participant', (_, given) =>
    spec
      .given(...given)
      .when(erase)
      .then({ type: 'ParticipantErased', data: { participantId, at: now } }),
  );

  it('happens once', () => spec.given(referred, erased).when(erase).thenRefused(ParticipantErrors.erased, 'conflict'));

  describe('afterwards', () => {
    const plan = command('WriteActionPlan' as const, { participantId, goals: ['work'], jobPreferences: [], hoursPerWeek: 10, supportsWanted: [] });
    const guarded = decideSpec(participantAggregate, unlessErased(decideWriteActionPlan));

    it('nothing more is recorded about them', () => guarded.given(referred, enrolled, erased).when(plan).thenRefused(ParticipantErrors.erased, 'conflict'));

    it('a participant who was not erased is decided as before', () =>
      guarded
        .given(referred, enrolled)
        .when(plan)
        .then({ type: 'ActionPlanWritten', data: { ...plan.data, at: now } }));
  });
});
