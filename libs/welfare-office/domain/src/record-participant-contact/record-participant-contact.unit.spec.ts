import { decideSpec } from '@ips/testing';
import { participantAggregate } from '../index';
import { command, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideRecordParticipantContact } from './record-participant-contact.decide';

const spec = decideSpec(participantAggregate, decideRecordParticipantContact);

describe('record-participant-contact: contact with the participant', () => {
  describe('Enrolled', () => {
    it('is recorded, with whether it was out in the community', () => {
      const contact = command('RecordParticipantContact' as const, {
        participantId,
        contactedOn: '2026-02-10',
        mode: 'in-person' as const,
        inCommunity: true,
      });
      spec
        .given(referred, enrolled)
        .when(contact)
        .then({ type: 'ParticipantContactRecorded', data: { ...contact.data, at: now } });
    });
  });
});
