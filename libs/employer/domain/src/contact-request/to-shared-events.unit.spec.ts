import { ContactLineSharedEvent, contracts } from '@ips/contracts';
import { ContactRequestEvent } from '../index';
import { acknowledged, employerId, escalated, participantId, placementId, received, requestId, resolved } from '../testing/contact-request.fixtures';
import { contactRequestToShared } from './to-shared-events';

const envelope = {
  id: '0190a6f0-0000-7000-8000-00000000f001',
  recordedBy: { sub: 'hr-kari', agency: 'employer', role: 'employer' },
};
const shareOne = (event: ContactRequestEvent): ContactLineSharedEvent => {
  const shared = contactRequestToShared(event, envelope);
  expect(shared).toHaveLength(1);
  return shared[0] as ContactLineSharedEvent;
};

describe('contact-request events shared with the team', () => {
  it.each([
    ['ContactRequestReceived', received()],
    ['ContactRequestReceived', received({ assigneeId: null })],
    ['ContactRequestEscalated', escalated(1)],
    ['ContactRequestEscalated', escalated(2)],
    ['ContactRequestAcknowledged', acknowledged()],
    ['ContactRequestResolved', resolved()],
  ] as const)('publishes %s as a valid v1 contract event, keyed by the participant', (type, event) => {
    const shared = shareOne(event);
    expect(shared).toMatchObject({ ...envelope, type, version: 1, source: 'employer', participantId });
    expect(contracts.validate(shared)).toEqual({ ok: true, event: shared });
  });

  it('shares urgency, tier, assignee and deadline, never the message or the callback phone', () => {
    expect(shareOne(received()).data).toEqual({
      requestId,
      placementId,
      employerId,
      urgency: 'urgent',
      tier: 'employment-specialist',
      assigneeId: 'es-ingrid',
      acknowledgeBy: '2026-03-02T22:15:00.000Z',
    });
  });

  it('leaves out the assignee when nobody was on duty', () => {
    expect(shareOne(received({ assigneeId: null })).data).not.toHaveProperty('assigneeId');
  });

  it('never shares the resolution note: it may hold health information', () => {
    expect(shareOne(resolved()).data).toEqual({ requestId, placementId, employerId });
  });

  it('dates each shared event when it happened', () => {
    expect(shareOne(received()).occurredAt).toBe('2026-03-02T22:00:00.000Z');
    expect(shareOne(escalated(2)).occurredAt).toBe('2026-03-02T22:30:00.000Z');
    expect(shareOne(acknowledged()).occurredAt).toBe('2026-03-02T22:05:00.000Z');
    expect(shareOne(resolved()).occurredAt).toBe('2026-03-02T22:40:00.000Z');
  });
});
