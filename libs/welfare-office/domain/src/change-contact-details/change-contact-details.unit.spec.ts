import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, discharged, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideChangeContactDetails } from './change-contact-details.decide';

const spec = decideSpec(participantAggregate, decideChangeContactDetails);
const change = (details: { phone?: string; email?: string }) => command('ChangeContactDetails' as const, { participantId, ...details });

describe('change-contact-details: change contact details', () => {
  it('is refused for an unknown participant', () =>
    spec
      .given()
      .when(change({ phone: '+47 912 34 567' }))
      .thenRefused(ParticipantErrors.notFound, 'not-found'));

  it('is recorded from referral on', () =>
    spec
      .given(referred)
      .when(change({ phone: '+47 912 34 567', email: 'kari@example.no' }))
      .then({ type: 'ContactDetailsChanged', data: { participantId, phone: '+47 912 34 567', email: 'kari@example.no', at: now } }));

  it('replaces the details: a field left out is cleared', () =>
    spec
      .given(referred, enrolled)
      .when(change({ phone: '+47 400 00 000' }))
      .then({ type: 'ContactDetailsChanged', data: { participantId, phone: '+47 400 00 000', at: now } }));

  it('is still recorded after discharge (the door stays open)', () =>
    spec
      .given(referred, enrolled, discharged)
      .when(change({}))
      .then({ type: 'ContactDetailsChanged', data: { participantId, at: now } }));
});
