import { decideSpec, metadataAt } from '@ips/testing';
import { MunicipalServiceGranted, ParticipantServicesErrors, ParticipantServicesEvent, participantServicesAggregate } from '../index';
import { GrantService, decideGrantService } from './grant-service.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000c002';
const housingId = '0190a6f0-0000-7000-8000-0000000051a1';
const otherHousingId = '0190a6f0-0000-7000-8000-0000000051a2';
const activityId = '0190a6f0-0000-7000-8000-0000000051a3';
const now = '2026-03-01T10:00:00.000Z';
const spec = decideSpec(participantServicesAggregate, decideGrantService);
const metadata = metadataAt(now, { actor: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' } });
const grant = (data: Partial<GrantService['data']> = {}): GrantService => ({
  type: 'GrantService',
  data: { participantId, serviceId: housingId, kind: 'housing', grantedFrom: '2026-03-01', ...data },
  metadata,
});
const granted = (data: Partial<MunicipalServiceGranted['data']> = {}): MunicipalServiceGranted => ({
  type: 'MunicipalServiceGranted',
  data: {
    participantId,
    serviceId: housingId,
    kind: 'housing',
    grantedFrom: '2026-03-01',
    note: null,
    grantedAt: now,
    ...data,
  },
});
const earlierHousing = granted({ grantedFrom: '2025-06-01', grantedAt: '2025-06-01T09:00:00.000Z' });
const earlierHousingEnded: ParticipantServicesEvent = {
  type: 'MunicipalServiceEnded',
  data: { participantId, serviceId: housingId, endedOn: '2026-02-28', reason: null, endedAt: '2026-02-28T15:00:00.000Z' },
};
const contactAssigned: ParticipantServicesEvent = {
  type: 'MunicipalContactAssigned',
  data: { participantId, contactPersonId: 'mw-7', assignedAt: '2026-01-10T08:00:00.000Z' },
};

describe('grant service', () => {
  describe('Unknown', () => {
    it('grants a service to a resident who is not (yet) in IPS', () => {
      spec.given().when(grant()).then(granted());
    });

    it('keeps the note', () => {
      spec
        .given()
        .when(grant({ note: 'temporary flat' }))
        .then(granted({ note: 'temporary flat' }));
    });
  });

  describe('Known', () => {
    it('grants a service once a contact person is assigned', () => {
      spec.given(contactAssigned).when(grant()).then(granted());
    });

    it('grants a service of another kind next to an active one', () => {
      spec
        .given(earlierHousing)
        .when(grant({ serviceId: activityId, kind: 'activity' }))
        .then(granted({ serviceId: activityId, kind: 'activity' }));
    });

    it('grants the same kind again once the earlier one has ended', () => {
      spec
        .given(earlierHousing, earlierHousingEnded)
        .when(grant({ serviceId: otherHousingId }))
        .then(granted({ serviceId: otherHousingId }));
    });

    it('refuses the same service id again', () => {
      spec.given(earlierHousing).when(grant()).thenRefused(ParticipantServicesErrors.serviceAlreadyGranted, 'conflict');
    });

    it('refuses the same service id again even after it ended', () => {
      spec.given(earlierHousing, earlierHousingEnded).when(grant()).thenRefused(ParticipantServicesErrors.serviceAlreadyGranted, 'conflict');
    });

    it('refuses a second active service of the same kind', () => {
      spec
        .given(earlierHousing)
        .when(grant({ serviceId: otherHousingId }))
        .thenRefused(ParticipantServicesErrors.serviceKindAlreadyActive, 'conflict');
    });
  });
});
