/// <reference types="jest" />
import { RecordEntry, inForceOf } from './record';

let seq = 0;
const entry = (type: string, data: Record<string, unknown> = {}): RecordEntry => ({
  eventId: `e${++seq}`,
  type,
  occurredAt: `2026-03-0${Math.min(9, seq)}T10:00:00.000Z`,
  data,
});

describe('what is in force on a record, from its timeline', () => {
  it('is the latest consent, until it is withdrawn', () => {
    const given = entry('ConsentGiven', { shareWith: ['mental-health', 'employer'], employerDisclosure: true });
    expect(inForceOf([given]).consent).toEqual({ shareWith: ['mental-health', 'employer'], employerDisclosure: true });
    const narrowed = entry('ConsentGiven', { shareWith: ['mental-health'], employerDisclosure: false });
    expect(inForceOf([given, narrowed]).consent).toEqual({ shareWith: ['mental-health'], employerDisclosure: false });
    expect(inForceOf([given, entry('ConsentWithdrawn')]).consent).toBeNull();
    expect(inForceOf([]).consent).toBeNull();
  });

  it('keeps a proposal open until a plan records it or the participant is discharged', () => {
    const proposed = entry('ActionPlanProposed', {
      proposalId: 'p1',
      goals: ['a job in a bakery'],
      jobPreferences: ['bakery'],
      hoursPerWeek: 15,
      supportsWanted: [],
      note: 'mornings only',
    });
    expect(inForceOf([proposed]).proposal).toMatchObject({ proposalId: 'p1', goals: ['a job in a bakery'], hoursPerWeek: 15, note: 'mornings only' });
    const written = entry('ActionPlanWritten', {
      goals: ['a job in a bakery'],
      jobPreferences: ['bakery'],
      hoursPerWeek: 15,
      supportsWanted: [],
      proposalId: 'p1',
    });
    expect(inForceOf([proposed, written])).toMatchObject({ proposal: null, plan: { goals: ['a job in a bakery'], hoursPerWeek: 15 } });
    expect(inForceOf([proposed, entry('ParticipantDischarged')]).proposal).toBeNull();
  });

  it('lists the services not ended, and the actions of each flag as last changed', () => {
    const state = inForceOf([
      entry('MunicipalServiceGranted', { serviceId: 's1', kind: 'housing' }),
      entry('MunicipalServiceGranted', { serviceId: 's2', kind: 'activity' }),
      entry('MunicipalServiceEnded', { serviceId: 's1' }),
      entry('RelapseRiskFlagRaised', { flagId: 'f1', actions: ['weekly call'] }),
      entry('RelapseRiskFlagChanged', { flagId: 'f1', actions: ['daily call'] }),
    ]);
    expect(state.services).toEqual([{ serviceId: 's2', kind: 'activity' }]);
    expect(state.flagActions).toEqual({ f1: ['daily call'] });
  });
});
