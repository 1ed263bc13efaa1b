import { fold } from '@ips/kernel';
import { onCallRosterAggregate } from '../index';
import { cancelled, shift, teamDefined } from '../testing/on-call-roster.fixtures';
import { onCallAt, shiftsCovering } from './on-call-at.query';

// Oslo, UTC+1: the day shift 08:00–16:00 local, the night 16:00–08:00, the supervisor on call all evening.
const roster = fold(onCallRosterAggregate, [
  teamDefined(),
  shift('day', 'es-per', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z'),
  shift('night', 'es-ingrid', '2026-03-02T15:00:00.000Z', '2026-03-03T07:00:00.000Z'),
  shift('sup', 'sup-siri', '2026-03-02T15:00:00.000Z', '2026-03-02T23:00:00.000Z', 'supervisor'),
  shift('cover', 'es-kari', '2026-03-02T10:00:00.000Z', '2026-03-02T12:00:00.000Z'),
  shift('gone', 'es-ola', '2026-03-02T07:00:00.000Z', '2026-03-03T07:00:00.000Z'),
  cancelled('gone'),
]);

describe('on call at', () => {
  describe('Undefined', () => {
    it('has nobody on call', () => {
      expect(onCallAt(onCallRosterAggregate.initialState, '2026-03-02T10:00:00.000Z', 'es-per')).toEqual({
        'employment-specialist': null,
        supervisor: null,
      });
    });
  });

  describe('Defined', () => {
    it('finds the day specialist in the morning, with no supervisor on call', () => {
      expect(onCallAt(roster, '2026-03-02T08:00:00.000Z', null)).toEqual({ 'employment-specialist': 'es-per', supervisor: null });
    });

    it('finds the night specialist and the supervisor in the evening', () => {
      expect(onCallAt(roster, '2026-03-02T20:00:00.000Z', null)).toEqual({
        'employment-specialist': 'es-ingrid',
        supervisor: 'sup-siri',
      });
    });

    it('hands over at the handover instant: the shift that begins then', () => {
      expect(onCallAt(roster, '2026-03-02T14:59:59.999Z', null)['employment-specialist']).toBe('es-per');
      expect(onCallAt(roster, '2026-03-02T15:00:00.000Z', null)['employment-specialist']).toBe('es-ingrid');
    });

    it("prefers the participant's own specialist when on call, else the shift that began first", () => {
      expect(onCallAt(roster, '2026-03-02T11:00:00.000Z', 'es-kari')['employment-specialist']).toBe('es-kari');
      expect(onCallAt(roster, '2026-03-02T11:00:00.000Z', 'es-someone')['employment-specialist']).toBe('es-per');
    });

    it('leaves out cancelled shifts', () => {
      expect(shiftsCovering(roster, '2026-03-02T08:00:00.000Z').map((s) => s.shiftId)).toEqual(['day']);
    });

    it('has nobody on call after the last shift', () => {
      expect(onCallAt(roster, '2026-03-03T07:00:00.000Z', null)).toEqual({ 'employment-specialist': null, supervisor: null });
    });
  });
});
