import { decideSpec, metadataAt } from '@ips/testing';
import { ParticipantServicesErrors, ParticipantServicesEvent, participantServicesAggregate } from '../index';
import { EndService, decideEndService } from './end-service.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000c003';
const serviceId = '0190a6f0-0000-7000-8000-0000000051b1';
const now = '2026-04-30T14:00:00.000Z';
const spec = decideSpec(participantServicesAggregate, decideEndService);
const metadata = metadataAt(now, { actor: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' } });
const end = (data: Partial<EndService['data']> = {}): EndService => ({
  type: 'EndService',
  data: { participantId, serviceId, endedOn: '2026-04-30', ...data },
  metadata,
});
const granted: ParticipantServicesEvent = {
  type: 'MunicipalServiceGranted',
  data: {
    participantId,
    serviceId,
    kind: 'social-assistance',
    grantedFrom: '2026-02-01',
    note: null,
    grantedAt: '2026-01-28T09:00:00.000Z',
  },
};
const ended = (endedOn = '2026-04-30', reason: string | null = null): ParticipantServicesEvent => ({
  type: 'MunicipalServiceEnded',
  data: { participantId, serviceId, endedOn, reason, endedAt: now },
});

describe('end service', () => {
  describe('Unknown', () => {
    it('refuses: there is no service to end', () => {
      spec.given().when(end()).thenRefused(ParticipantServicesErrors.serviceNotFound, 'not-found');
    });
  });

  describe('Known', () => {
    it('ends the service on the given day', () => {
      spec.given(granted).when(end()).then(ended());
    });

    it('keeps the reason', () => {
      const reason = 'started full-time work';
      spec.given(granted).when(end({ reason })).then(ended('2026-04-30', reason));
    });

    it('ends a service on the day it started', () => {
      spec
        .given(granted)
        .when(end({ endedOn: '2026-02-01' }))
        .then(ended('2026-02-01'));
    });

    it('refuses an unknown service id', () => {
      spec
        .given(granted)
        .when(end({ serviceId: '0190a6f0-0000-7000-8000-0000000051ff' }))
        .thenRefused(ParticipantServicesErrors.serviceNotFound, 'not-found');
    });

    it('refuses an end before the service started', () => {
      spec
        .given(granted)
        .when(end({ endedOn: '2026-01-31' }))
        .thenRefused(ParticipantServicesErrors.serviceEndBeforeStart, 'rejected');
    });

    it('refuses to end a service twice', () => {
      spec.given(granted, ended()).when(end()).thenRefused(ParticipantServicesErrors.serviceAlreadyEnded, 'conflict');
    });
  });
});
