import { decideSpec } from '@ips/testing';
import { ContactRequestErrors, contactRequestAggregate } from '../index';
import { acknowledged, escalated, received, requestId, resolved, staffAt } from '../testing/contact-request.fixtures';
import { ResolveContactRequest, decideResolveContactRequest } from './resolve-contact-request.decide';

const note = 'Called the employer back; Ola was home ill and will call in himself tomorrow';
const spec = decideSpec(contactRequestAggregate, decideResolveContactRequest);
const resolve = (sub = 'es-ingrid'): ResolveContactRequest => ({
  type: 'ResolveContactRequest',
  data: { requestId, note },
  metadata: staffAt('2026-03-02T22:40:00.000Z', sub),
});

describe('resolve contact request', () => {
  describe('None', () => {
    it('refuses: there is no such request', () => {
      spec.given().when(resolve()).thenRefused(ContactRequestErrors.notFound, 'not-found');
    });
  });

  describe('Acknowledged', () => {
    it('resolves with the note, by whoever dealt with it', () => {
      spec.given(received(), acknowledged()).when(resolve()).then(resolved());
    });
  });

  describe('Received', () => {
    it('resolves without a separate acknowledgement: resolving it is taking it', () => {
      spec.given(received()).when(resolve()).then(resolved());
    });
  });

  describe('Escalated', () => {
    it('lets the crisis service resolve what reached it', () => {
      spec
        .given(received(), escalated(1), escalated(2))
        .when(resolve('mw-per'))
        .then(resolved({ resolvedBy: 'mw-per' }));
    });
  });

  describe('Resolved', () => {
    it('refuses a second resolution', () => {
      spec.given(received(), acknowledged(), resolved()).when(resolve()).thenRefused(ContactRequestErrors.alreadyResolved, 'conflict');
    });
  });
});
