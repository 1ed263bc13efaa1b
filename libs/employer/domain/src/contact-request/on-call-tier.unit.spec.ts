import { onDuty } from '../testing/contact-request.fixtures';
import { deadline, route, tierAbove } from './on-call-tier';

describe('routing a request through the on-call tiers', () => {
  const holder = { tier: 'employment-specialist', assigneeId: 'es-kari' } as const;

  it('picks the lowest tier from where it starts with someone on duty, skipping an empty tier at once', () => {
    expect(route(onDuty(), 'employment-specialist', holder)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    expect(route(onDuty(), 'supervisor', holder)).toEqual({ tier: 'supervisor', assigneeId: 'sup-siri' });
    expect(route(onDuty({ supervisor: null }), 'supervisor', holder)).toEqual({ tier: 'crisis-service', assigneeId: 'mw-per' });
  });

  it('never routes to nobody: with nobody on duty from where it starts, it goes to the one given', () => {
    expect(route(onDuty({ supervisor: null, 'crisis-service': null }), 'supervisor', holder)).toEqual(holder);
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
