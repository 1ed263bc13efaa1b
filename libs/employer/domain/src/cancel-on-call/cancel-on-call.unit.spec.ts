import { decideSpec } from '@ips/testing';
import { OnCallRosterErrors, onCallRosterAggregate } from '../index';
import { cancelled, shift, supervisorAt, teamDefined, teamId } from '../testing/on-call-roster.fixtures';
import { CancelOnCall, decideCancelOnCall } from './cancel-on-call.decide';

const spec = decideSpec(onCallRosterAggregate, decideCancelOnCall);
const cancel = (shiftId = 'day'): CancelOnCall => ({
  type: 'CancelOnCall',
  data: { teamId, shiftId },
  metadata: supervisorAt('2026-02-26T09:00:00.000Z'),
});
const day = shift('day', 'es-ingrid', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z');

describe('cancel on call', () => {
  describe('Undefined', () => {
    it('refuses: no such team', () => {
      spec.given().when(cancel()).thenRefused(OnCallRosterErrors.teamNotFound, 'not-found');
    });
  });

  describe('Defined', () => {
    it('cancels a shift', () => {
      spec.given(teamDefined(), day).when(cancel()).then(cancelled('day'));
    });

    it('refuses an unknown shift', () => {
      spec.given(teamDefined(), day).when(cancel('night')).thenRefused(OnCallRosterErrors.shiftNotFound, 'not-found');
    });

    it('refuses to cancel twice', () => {
      spec.given(teamDefined(), day, cancelled('day')).when(cancel()).thenRefused(OnCallRosterErrors.shiftAlreadyCancelled, 'conflict');
    });
  });

  describe('Rostered (shifts on a programme team)', () => {
    it('cancels a shift', () => {
      spec.given(day).when(cancel()).then(cancelled('day'));
    });
  });
});
