import { decideSpec, metadataAt } from '@ips/testing';
import { fold } from '@ips/kernel';
import { ContactRequestErrors, contactRequestAggregate } from '../index';
import { acknowledged, escalated, received, requestId, resolved, staffAt } from '../testing/contact-request.fixtures';
import { AcknowledgeContactRequest, decideAcknowledgeContactRequest } from './acknowledge-contact-request.decide';

const spec = decideSpec(contactRequestAggregate, decideAcknowledgeContactRequest);
const acknowledge = (now = '2026-03-02T22:05:00.000Z', sub = 'es-ingrid'): AcknowledgeContactRequest => ({
  type: 'AcknowledgeContactRequest',
  data: { requestId },
  metadata: staffAt(now, sub),
});

describe('acknowledge contact request', () => {
  describe('None', () => {
    it('refuses: there is no such request', () => {
      spec.given().when(acknowledge()).thenRefused(ContactRequestErrors.notFound, 'not-found');
    });
  });

  describe('Received', () => {
    it('records who took it and when', () => {
      spec.given(received()).when(acknowledge()).then(acknowledged());
    });

    it('lets another team member take it, not only the one it went to', () => {
      spec
        .given(received())
        .when(acknowledge('2026-03-02T22:07:00.000Z', 'es-per'))
        .then(acknowledged({ acknowledgedBy: 'es-per', acknowledgedAt: '2026-03-02T22:07:00.000Z' }));
    });

    it('takes a late acknowledgement too: better late than never', () => {
      spec
        .given(received())
        .when(acknowledge('2026-03-02T22:20:00.000Z'))
        .then(acknowledged({ acknowledgedAt: '2026-03-02T22:20:00.000Z' }));
    });
  });

  describe('Escalated', () => {
    it('lets the supervisor it went to take it', () => {
      spec
        .given(received(), escalated(1))
        .when(acknowledge('2026-03-02T22:18:00.000Z', 'sup-siri'))
        .then(acknowledged({ acknowledgedBy: 'sup-siri', acknowledgedAt: '2026-03-02T22:18:00.000Z' }));
    });

    it('records in what capacity it was taken, so the employer can be told who took it', () => {
      spec
        .given(received(), escalated(1))
        .when({
          ...acknowledge('2026-03-02T22:18:00.000Z', 'sup-siri'),
          metadata: metadataAt('2026-03-02T22:18:00.000Z', { actor: { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' } }),
        })
        .then(
          acknowledged({
            acknowledgedBy: 'sup-siri',
            acknowledgedAt: '2026-03-02T22:18:00.000Z',
            acknowledgedAs: { agency: 'welfare-office', role: 'supervisor' },
          }),
        );
    });

    it('folds an acknowledgement written before the capacity was recorded', () => {
      const { acknowledgedAs: _none, ...old } = acknowledged().data;
      expect(fold(contactRequestAggregate, [received(), { ...acknowledged(), data: old }]).status).toBe('Acknowledged');
    });

    it('leaves the request with the tier it reached', () => {
      const state = fold(contactRequestAggregate, [received(), escalated(1), acknowledged({ acknowledgedBy: 'sup-siri' })]);
      expect(state).toMatchObject({ status: 'Acknowledged', tier: 'supervisor', escalations: 1, acknowledgedBy: 'sup-siri' });
    });
  });

  describe('Acknowledged', () => {
    it('refuses a second acknowledgement', () => {
      spec
        .given(received(), acknowledged())
        .when(acknowledge('2026-03-02T22:06:00.000Z', 'es-per'))
        .thenRefused(ContactRequestErrors.alreadyAcknowledged, 'conflict');
    });
  });

  describe('Resolved', () => {
    it('refuses: the request is done', () => {
      spec.given(received(), resolved()).when(acknowledge()).thenRefused(ContactRequestErrors.alreadyResolved, 'conflict');
    });
  });
});
