import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, discharged, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideDischargeParticipant } from './discharge-participant.decide';

const spec = decideSpec(participantAggregate, decideDischargeParticipant);
const discharge = (reason: string) => command('DischargeParticipant' as const, { participantId, reason });

describe('discharge-participant: discharge', () => {
  describe('Referred', () => {
    it('is refused: not enrolled', () => spec.given(referred).when(discharge('steady-employment')).thenRefused(ParticipantErrors.notEnrolled, 'conflict'));
  });
  describe('Enrolled', () => {
    it('is recorded with its reason', () =>
      spec
        .given(referred, enrolled)
        .when(discharge('steady-employment'))
        .then({ type: 'ParticipantDischarged', data: { participantId, reason: 'steady-employment', at: now } }));
    it.each(['missed-appointments', 'job-lost', ''])('never for "%s"', (reason) =>
      spec.given(referred, enrolled).when(discharge(reason)).thenRefused(ParticipantErrors.dischargeReasonNotAllowed, 'rejected'),
    );
  });
  describe('Discharged', () => {
    it('is not done twice', () =>
      spec.given(referred, enrolled, discharged).when(discharge('moved-away')).thenRefused(ParticipantErrors.alreadyDischarged, 'conflict'));
  });
});
