import { SharedEvent } from '@ips/contracts';
import { contactLineAlerts, contactLineAlertsFrom, evolveOpenRequests } from './contact-line-alerts';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const request = (n: number) => ({
  requestId: `0193b2c4-1f00-7a00-8000-00000000a00${n}`,
  placementId: '0193b2c4-1f00-7a00-8000-00000000c101',
  employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
});
let id = 0;
const on = (occurredAt: string, type: string, data: object): SharedEvent => ({
  id: `01a20000-0000-7000-8000-${String(++id).padStart(12, '0')}`,
  type,
  version: 1,
  source: 'employer',
  participantId,
  occurredAt,
  recordedBy: { sub: 'x', agency: 'employer', role: 'employer' },
  data: data as Record<string, unknown>,
});
const received = (n = 1) =>
  on('2026-03-02T21:00:00.000Z', 'ContactRequestReceived', {
    ...request(n),
    urgency: 'urgent',
    tier: 'employment-specialist',
    assigneeId: 'es-ingrid',
    acknowledgeBy: '2026-03-02T21:15:00.000Z',
  });
const escalated = on('2026-03-02T21:15:00.000Z', 'ContactRequestEscalated', {
  ...request(1),
  level: 1,
  tier: 'supervisor',
  assigneeId: 'sup-siri',
  acknowledgeBy: '2026-03-02T21:30:00.000Z',
});
const acknowledged = on('2026-03-02T21:20:00.000Z', 'ContactRequestAcknowledged', request(1));
const resolved = on('2026-03-02T21:40:00.000Z', 'ContactRequestResolved', request(1));
const codes = (events: SharedEvent[], now: string) => contactLineAlerts(events, now).map((alert) => alert.code);

describe('contact-line alerts on the board', () => {
  it('shows a request as open until its deadline, then as not acknowledged in time', () => {
    expect(codes([received()], '2026-03-02T21:14:59.999Z')).toEqual(['CONTACT_REQUEST_OPEN']);
    expect(codes([received()], '2026-03-02T21:15:00.000Z')).toEqual(['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE']);
    expect(contactLineAlerts([received()], '2026-03-02T21:16:00.000Z')[0]).toEqual({
      code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE',
      since: '2026-03-02T21:15:00.000Z',
      message: 'urgent employer request not acknowledged by 2026-03-02T21:15:00.000Z (with the employment-specialist es-ingrid)',
    });
  });

  it('counts from the first deadline, whatever tier the request has been escalated to since', () => {
    expect(codes([received(), escalated], '2026-03-02T21:20:00.000Z')).toEqual(['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE']);
    expect(contactLineAlerts([received(), escalated], '2026-03-02T21:20:00.000Z')[0]).toEqual({
      code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE',
      since: '2026-03-02T21:15:00.000Z',
      message: 'urgent employer request not acknowledged by 2026-03-02T21:15:00.000Z (with the supervisor sup-siri)',
    });
  });

  it('keeps counting a request overdue after an escalation that kept it with the same holder', () => {
    const kept = on('2026-03-02T21:15:00.000Z', 'ContactRequestEscalated', {
      ...request(1),
      level: 1,
      tier: 'employment-specialist',
      assigneeId: 'es-ingrid',
      acknowledgeBy: '2026-03-02T21:30:00.000Z',
    });
    expect(codes([received(), kept], '2026-03-02T21:16:00.000Z')).toEqual(['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE']);
  });

  describe('stored rows from before the first deadline was kept', () => {
    const stored = {
      [request(1).requestId]: {
        receivedAt: '2026-03-02T21:00:00.000Z',
        urgency: 'urgent',
        acknowledgeBy: '2026-03-02T21:15:00.000Z',
        with: 'employment-specialist es-ingrid',
        acknowledged: false,
      },
    };

    it('still read, counting from the deadline they have', () => {
      expect(contactLineAlertsFrom(stored, '2026-03-02T21:14:00.000Z').map((alert) => alert.code)).toEqual(['CONTACT_REQUEST_OPEN']);
      expect(contactLineAlertsFrom(stored, '2026-03-02T21:15:00.000Z')[0]?.since).toBe('2026-03-02T21:15:00.000Z');
    });

    it('keep the deadline they had as the first when they escalate', () => {
      const after = evolveOpenRequests(stored, escalated);
      expect(contactLineAlertsFrom(after, '2026-03-02T21:20:00.000Z')[0]).toMatchObject({
        code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE',
        since: '2026-03-02T21:15:00.000Z',
      });
    });
  });

  it('clears "overdue" with an acknowledgement, and everything with a resolution', () => {
    expect(codes([received(), escalated, acknowledged], '2026-03-02T22:00:00.000Z')).toEqual(['CONTACT_REQUEST_OPEN']);
    expect(codes([received(), escalated, acknowledged, resolved], '2026-03-02T22:00:00.000Z')).toEqual([]);
    expect(codes([received(), resolved], '2026-03-02T22:00:00.000Z')).toEqual([]);
  });

  it('keeps each request apart', () => {
    expect(codes([received(1), received(2), resolved], '2026-03-02T21:20:00.000Z')).toEqual(['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE']);
  });

  it('has nothing to say about a participant without requests', () => {
    expect(contactLineAlerts([], '2026-03-02T21:20:00.000Z')).toEqual([]);
  });
});
