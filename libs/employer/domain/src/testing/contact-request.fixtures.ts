import { metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import { ContactRequestAcknowledged, ContactRequestEscalated, ContactRequestReceived, ContactRequestResolved } from '../contact-request/contact-request.events';
import { AcknowledgementWindows, OnDuty } from '../contact-request/on-call-tier';
import { employerId, participantId, placementId } from './participant-employment.fixtures';

export { employerId, participantId, placementId };
export const requestId = '0190a6f0-0000-7000-8000-00000000a001';
export const windows: AcknowledgementWindows = { urgent: 15, routine: 60 };

/** Received at 22:00 UTC on a weekday evening; urgent, so due at 22:15. */
export const receivedAt = '2026-03-02T22:00:00.000Z';

export const staffAt = (now: string, sub = 'es-ingrid'): CommandMetadata =>
  metadataAt(now, { actor: { sub, agency: 'welfare-office', role: 'employment-specialist' } });
export const lineAt = (now: string): CommandMetadata => metadataAt(now, { actor: { sub: 'employer-contact-line', agency: 'employer', role: 'system' } });

export const onDuty = (overrides: Partial<OnDuty> = {}): OnDuty => ({
  'employment-specialist': 'es-ingrid',
  supervisor: 'sup-siri',
  'crisis-service': 'mw-per',
  ...overrides,
});

const request = { requestId, placementId, participantId, employerId };

export const received = (data: Partial<ContactRequestReceived['data']> = {}): ContactRequestReceived => ({
  type: 'ContactRequestReceived',
  data: {
    ...request,
    urgency: 'urgent',
    message: 'Ola has not turned up today and does not answer his phone',
    callbackPhone: '+4791234567',
    tier: 'employment-specialist',
    assigneeId: 'es-ingrid',
    acknowledgeBy: '2026-03-02T22:15:00.000Z',
    receivedAt,
    specialistId: 'es-ingrid',
    ...data,
  },
});

export const escalated = (level: number, data: Partial<ContactRequestEscalated['data']> = {}): ContactRequestEscalated => ({
  type: 'ContactRequestEscalated',
  data: {
    ...request,
    level,
    tier: level === 1 ? 'supervisor' : 'crisis-service',
    assigneeId: level === 1 ? 'sup-siri' : 'mw-per',
    escalatedAt: level === 1 ? '2026-03-02T22:15:00.000Z' : '2026-03-02T22:30:00.000Z',
    acknowledgeBy: level === 1 ? '2026-03-02T22:30:00.000Z' : '2026-03-02T22:45:00.000Z',
    ...data,
  },
});

export const acknowledged = (data: Partial<ContactRequestAcknowledged['data']> = {}): ContactRequestAcknowledged => ({
  type: 'ContactRequestAcknowledged',
  data: {
    ...request,
    acknowledgedBy: 'es-ingrid',
    acknowledgedAt: '2026-03-02T22:05:00.000Z',
    acknowledgedAs: { agency: 'welfare-office', role: 'employment-specialist' },
    ...data,
  },
});

export const resolved = (data: Partial<ContactRequestResolved['data']> = {}): ContactRequestResolved => ({
  type: 'ContactRequestResolved',
  data: {
    ...request,
    resolvedBy: 'es-ingrid',
    note: 'Called the employer back; Ola was home ill and will call in himself tomorrow',
    resolvedAt: '2026-03-02T22:40:00.000Z',
    resolvedAs: { agency: 'welfare-office', role: 'employment-specialist' },
    ...data,
  },
});
