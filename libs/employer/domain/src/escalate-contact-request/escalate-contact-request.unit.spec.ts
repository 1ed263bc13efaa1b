import { decideSpec } from '@ips/testing';
import { ContactRequestErrors, contactRequestAggregate } from '../index';
import { acknowledged, escalated, lineAt, onDuty, received, requestId, resolved, windows } from '../testing/contact-request.fixtures';
import { EscalateContactRequest, decideEscalateContactRequest } from './escalate-contact-request.decide';

const { alreadyAcknowledged, alreadyEscalated, alreadyResolved, notDue, noFurtherEscalation, notFound } = ContactRequestErrors;
const spec = decideSpec(contactRequestAggregate, decideEscalateContactRequest);
const escalate = (level: number, now: string, data: Partial<EscalateContactRequest['data']> = {}): EscalateContactRequest => ({
  type: 'EscalateContactRequest',
  data: { requestId, level, onDuty: onDuty(), acknowledgeWithin: windows, ...data },
  metadata: lineAt(now),
});

describe('escalate contact request', () => {
  describe('None', () => {
    it('refuses: there is no such request', () => {
      spec.given().when(escalate(1, '2026-03-02T22:15:00.000Z')).thenRefused(notFound, 'not-found');
    });
  });

  describe('Received', () => {
    it('escalates to the supervisor at the deadline, with a new deadline of the same length', () => {
      spec.given(received()).when(escalate(1, '2026-03-02T22:15:00.000Z')).then(escalated(1));
    });

    it('counts the new deadline from the escalation: a late tick still gives the supervisor the whole window', () => {
      spec
        .given(received())
        .when(escalate(1, '2026-03-02T23:00:00.000Z'))
        .then(escalated(1, { escalatedAt: '2026-03-02T23:00:00.000Z', acknowledgeBy: '2026-03-02T23:15:00.000Z' }));
    });

    it('gives a routine request the routine window again', () => {
      spec
        .given(received({ urgency: 'routine', acknowledgeBy: '2026-03-02T23:00:00.000Z' }))
        .when(escalate(1, '2026-03-02T23:00:00.000Z'))
        .then(escalated(1, { escalatedAt: '2026-03-02T23:00:00.000Z', acknowledgeBy: '2026-03-03T00:00:00.000Z' }));
    });

    it('refuses before the deadline', () => {
      spec.given(received()).when(escalate(1, '2026-03-02T22:14:59.999Z')).thenRefused(notDue, 'conflict');
    });

    it('goes straight to the crisis service when no supervisor is on duty', () => {
      spec
        .given(received())
        .when(escalate(1, '2026-03-02T22:15:00.000Z', { onDuty: onDuty({ supervisor: null }) }))
        .then(escalated(1, { tier: 'crisis-service', assigneeId: 'mw-per' }));
    });

    it('keeps the request with whoever holds it when nobody above is on duty, still as an escalation with a new deadline', () => {
      spec
        .given(received())
        .when(escalate(1, '2026-03-02T22:15:00.000Z', { onDuty: onDuty({ supervisor: null, 'crisis-service': null }) }))
        .then(escalated(1, { tier: 'employment-specialist', assigneeId: 'es-ingrid' }));
    });

    it('keeps a request received by the supervisor with the supervisor when the crisis service has nobody on duty', () => {
      spec
        .given(received({ tier: 'supervisor', assigneeId: 'sup-siri' }))
        .when(escalate(1, '2026-03-02T22:15:00.000Z', { onDuty: onDuty({ supervisor: null, 'crisis-service': null }) }))
        .then(escalated(1, { tier: 'supervisor', assigneeId: 'sup-siri' }));
    });

    it('escalates a request received before the specialist was recorded (unassigned, as old events are)', () => {
      const { specialistId: _none, ...old } = received({ assigneeId: null }).data;
      spec
        .given({ ...received(), data: old })
        .when(escalate(1, '2026-03-02T22:15:00.000Z'))
        .then(escalated(1));
    });

    it('escalates an unassigned request to the supervisor on duty now', () => {
      spec
        .given(received({ assigneeId: null }))
        .when(escalate(1, '2026-03-02T22:15:00.000Z'))
        .then(escalated(1));
    });

    it('stops at the crisis service when that is where the request started', () => {
      spec
        .given(received({ tier: 'crisis-service', assigneeId: 'mw-per' }))
        .when(escalate(1, '2026-03-02T22:15:00.000Z'))
        .thenRefused(noFurtherEscalation, 'conflict');
    });

    it('refuses to skip a level', () => {
      spec.given(received()).when(escalate(2, '2026-03-02T22:15:00.000Z')).thenRefused(notDue, 'conflict');
    });
  });

  describe('Escalated', () => {
    it('escalates a second time, to the crisis service, at the second deadline', () => {
      spec.given(received(), escalated(1)).when(escalate(2, '2026-03-02T22:30:00.000Z')).then(escalated(2));
    });

    it('tries the tiers above again at the next deadline after an escalation that found nobody', () => {
      const kept = escalated(1, { tier: 'employment-specialist', assigneeId: 'es-ingrid' });
      spec
        .given(received(), kept)
        .when(escalate(2, '2026-03-02T22:30:00.000Z'))
        .then(escalated(2, { tier: 'supervisor', assigneeId: 'sup-siri' }));
    });

    it('refuses the same escalation twice: a deadline fires once, however many workers saw it', () => {
      spec.given(received(), escalated(1)).when(escalate(1, '2026-03-02T22:31:00.000Z')).thenRefused(alreadyEscalated, 'conflict');
    });

    it('refuses before the second deadline', () => {
      spec.given(received(), escalated(1)).when(escalate(2, '2026-03-02T22:29:00.000Z')).thenRefused(notDue, 'conflict');
    });

    it('has nowhere to go after the crisis service', () => {
      spec.given(received(), escalated(1), escalated(2)).when(escalate(3, '2026-03-02T22:45:00.000Z')).thenRefused(noFurtherEscalation, 'conflict');
    });
  });

  describe('Acknowledged', () => {
    it('refuses: an acknowledgement stops escalation', () => {
      spec.given(received(), acknowledged()).when(escalate(1, '2026-03-02T22:15:00.000Z')).thenRefused(alreadyAcknowledged, 'conflict');
    });
  });

  describe('Resolved', () => {
    it('refuses: the request is done', () => {
      spec.given(received(), resolved()).when(escalate(1, '2026-03-02T22:15:00.000Z')).thenRefused(alreadyResolved, 'conflict');
    });
  });
});
