import { onDuty } from '../testing/contact-request.fixtures';
import { deadline, route, tierAbove } from './on-call-tier';

describe('routing a request through the on-call tiers', () => {
  it('picks the lowest tier from where it starts with someone on duty', () => {
    expect(route(onDuty(), 'employment-specialist')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    expect(route(onDuty(), 'supervisor')).toEqual({ tier: 'supervisor', assigneeId: 'sup-siri' });
    expect(route(onDuty({ supervisor: null }), 'supervisor')).toEqual({ tier: 'crisis-service', assigneeId: 'mw-per' });
  });

  it('stays where it starts, unassigned, when nobody above is on duty', () => {
    expect(route(onDuty({ supervisor: null, 'crisis-service': null }), 'supervisor')).toEqual({
      tier: 'supervisor',
      assigneeId: null,
    });
  });

  it('knows the order: specialist, supervisor, crisis service, then nothing', () => {
    expect(tierAbove('employment-specialist')).toBe('supervisor');
    expect(tierAbove('supervisor')).toBe('crisis-service');
    expect(tierAbove('crisis-service')).toBeNull();
  });

  it('counts deadlines in minutes from an instant', () => {
    expect(deadline('2026-03-02T23:50:00.000Z', 15)).toBe('2026-03-03T00:05:00.000Z');
  });
});
