import { decideSpec } from '@ips/testing';
import { FollowAlongContactMade, ParticipantEmploymentErrors, participantEmploymentAggregate } from '../index';
import { at, discharged, employerId, ended, enrolled, otherPlacementId, participantId, placementId, started } from '../testing/participant-employment.fixtures';
import { RecordFollowAlongContact, decideRecordFollowAlongContact } from './record-follow-along-contact.decide';

const spec = decideSpec(participantEmploymentAggregate, decideRecordFollowAlongContact);
const recordContact = (data: Partial<RecordFollowAlongContact['data']> = {}): RecordFollowAlongContact => ({
  type: 'RecordFollowAlongContact',
  data: { participantId, placementId, contactedOn: '2026-02-04', with: 'worker', ...data },
  metadata: at('2026-02-04T16:00:00.000Z'),
});
const contactMade = (data: Partial<FollowAlongContactMade['data']> = {}): FollowAlongContactMade => ({
  type: 'FollowAlongContactMade',
  data: {
    participantId,
    placementId,
    employerId,
    contactedOn: '2026-02-04',
    with: 'worker',
    note: null,
    recordedAt: '2026-02-04T16:00:00.000Z',
    ...data,
  },
});

describe('record follow-along contact', () => {
  describe('NotEnrolled', () => {
    it('refuses: there is no placement', () => {
      spec.given().when(recordContact()).thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });
  });

  describe('Enrolled', () => {
    it('records a contact about the active placement, with its employer', () => {
      spec.given(enrolled, started()).when(recordContact()).then(contactMade());
    });

    it('records who was contacted and the note', () => {
      spec
        .given(enrolled, started())
        .when(recordContact({ with: 'both', note: 'first week went well' }))
        .then(contactMade({ with: 'both', note: 'first week went well' }));
    });

    it('records a contact before the first working day: follow-along starts before the job', () => {
      spec
        .given(enrolled, started())
        .when(recordContact({ contactedOn: '2026-01-30', with: 'employer' }))
        .then(contactMade({ contactedOn: '2026-01-30', with: 'employer' }));
    });

    it('refuses an unknown placement', () => {
      spec
        .given(enrolled, started())
        .when(recordContact({ placementId: otherPlacementId }))
        .thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });

    it('refuses a placement that has ended', () => {
      spec.given(enrolled, started(), ended()).when(recordContact()).thenRefused(ParticipantEmploymentErrors.placementEnded, 'conflict');
    });
  });

  describe('Discharged', () => {
    it('still records a contact about a job the participant kept', () => {
      spec.given(enrolled, started(), discharged).when(recordContact()).then(contactMade());
    });
  });
});
