import { ContactRequestEvent } from '@ips/employer/domain';
import { acknowledged, escalated, received, resolved } from '@ips/employer/domain/testing';
import { ContactRequestRecord, employerViewOf, evolveContactRequestView, peopleIn, recordOf, staffViewOf } from './contact-request.view';

const fold = (...events: ContactRequestEvent[]) => events.reduce(evolveContactRequestView, null) as ContactRequestRecord;
const context = (now: string, displayNames: Record<string, string> = {}) => ({
  now: new Date(now),
  employerNames: new Map([[received().data.employerId, 'Trondheim Lager AS']]),
  displayNames: new Map(Object.entries(displayNames)),
});

describe('the contact request as the team and the employer see it', () => {
  it('keeps the first deadline through escalations, and is overdue from it until someone takes it', () => {
    const record = fold(received(), escalated(1));
    expect(record).toMatchObject({ answerBy: '2026-03-02T22:15:00.000Z', acknowledgeBy: '2026-03-02T22:30:00.000Z', specialistId: 'es-ingrid' });
    expect(staffViewOf(record, context('2026-03-02T22:14:59.000Z')).overdue).toBe(false);
    expect(staffViewOf(record, context('2026-03-02T22:16:00.000Z'))).toMatchObject({ overdue: true, employerName: 'Trondheim Lager AS' });
    expect(
      staffViewOf(fold(received(), escalated(1), acknowledged({ acknowledgedAt: '2026-03-02T22:20:00.000Z' })), context('2026-03-02T22:21:00.000Z')).overdue,
    ).toBe(false);
  });

  it('tells the employer who took and resolved it by display name, else by role, never by login id', () => {
    const record = fold(received(), acknowledged(), resolved());
    const named = employerViewOf(staffViewOf(record, context('2026-03-02T23:00:00.000Z', { 'welfare-office/es-ingrid': 'Ingrid Berg' })));
    expect(named).toMatchObject({
      takenBy: { name: 'Ingrid Berg', role: 'employment-specialist', at: '2026-03-02T22:05:00.000Z' },
      resolvedBy: { name: 'Ingrid Berg', role: 'employment-specialist', at: '2026-03-02T22:40:00.000Z' },
      resolvedAt: '2026-03-02T22:40:00.000Z',
    });
    const unnamed = employerViewOf(staffViewOf(record, context('2026-03-02T23:00:00.000Z')));
    expect(unnamed.takenBy).toEqual({ name: null, role: 'employment-specialist', at: '2026-03-02T22:05:00.000Z' });
    expect(JSON.stringify(unnamed)).not.toContain('es-ingrid');
  });

  it('counts a request resolved without being taken as taken by whoever resolved it, for the employer', () => {
    const view = employerViewOf(staffViewOf(fold(received(), resolved()), context('2026-03-02T23:00:00.000Z')));
    expect(view.takenBy).toEqual({ name: null, role: 'employment-specialist', at: '2026-03-02T22:40:00.000Z' });
  });

  describe('events and stored rows from before the fields existed', () => {
    const { specialistId: _s, ...oldReceived } = received({ assigneeId: null }).data;
    const { acknowledgedAs: _a, ...oldAcknowledged } = acknowledged({ acknowledgedBy: 'sup-siri' }).data;

    it('fold: no specialist known; the role of an acknowledgement by the tier’s holder is the tier', () => {
      const record = fold({ ...received(), data: oldReceived }, escalated(1), { ...acknowledged(), data: oldAcknowledged });
      expect(record.specialistId).toBeNull();
      expect(peopleIn([record])).toEqual([
        { sub: 'sup-siri', agency: 'welfare-office' },
        { sub: 'sup-siri', agency: 'municipality' },
      ]);
      expect(staffViewOf(record, context('2026-03-02T23:00:00.000Z')).takenBy).toEqual({
        id: 'sup-siri',
        name: null,
        role: 'supervisor',
        at: '2026-03-02T22:05:00.000Z',
      });
    });

    it('read: a stored row without the first deadline takes it from its first escalation, or its deadline', () => {
      const current = fold(received(), escalated(1));
      const { answerBy: _first, specialistId: _none, ...stored } = current;
      expect(recordOf(stored as ContactRequestRecord)).toMatchObject({ answerBy: '2026-03-02T22:15:00.000Z', specialistId: null });
      const { answerBy: _f, specialistId: _n, ...waiting } = fold(received());
      expect(recordOf(waiting as ContactRequestRecord).answerBy).toBe('2026-03-02T22:15:00.000Z');
      // ...and keeps it once the next event is applied to the stored row.
      expect(evolveContactRequestView(stored as ContactRequestRecord, escalated(2))).toMatchObject({ answerBy: '2026-03-02T22:15:00.000Z', escalations: 2 });
    });
  });
});
