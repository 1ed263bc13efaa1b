import { decideSpec, metadataAt } from '@ips/testing';
import { ContactRequestErrors, ParticipantEmploymentErrors, contactRequestAggregate } from '../index';
import {
  acknowledged,
  employerId,
  escalated,
  onDuty,
  participantId,
  placementId,
  received,
  receivedAt,
  requestId,
  resolved,
  windows,
} from '../testing/contact-request.fixtures';
import { SubmitContactRequest, decideSubmitContactRequest } from './submit-contact-request.decide';

const spec = decideSpec(contactRequestAggregate, decideSubmitContactRequest);
const submit = (data: Partial<SubmitContactRequest['data']> = {}): SubmitContactRequest => ({
  type: 'SubmitContactRequest',
  data: {
    requestId,
    placementId,
    urgency: 'urgent',
    message: 'Ola has not turned up today and does not answer his phone',
    callbackPhone: '+4791234567',
    placement: { participantId, employerId, ended: false },
    onDuty: onDuty(),
    acknowledgeWithin: windows,
    ...data,
  },
  metadata: metadataAt(receivedAt, { actor: { sub: 'hr-kari', agency: 'employer', role: 'employer' } }),
});

describe('submit contact request', () => {
  describe('None', () => {
    it('receives an urgent request for the specialist on duty, due in the urgent window', () => {
      spec.given().when(submit()).then(received());
    });

    it('gives a routine request the routine window', () => {
      spec
        .given()
        .when(submit({ urgency: 'routine' }))
        .then(received({ urgency: 'routine', acknowledgeBy: '2026-03-02T23:00:00.000Z' }));
    });

    it('goes to the supervisor when no specialist is on duty', () => {
      spec
        .given()
        .when(submit({ onDuty: onDuty({ 'employment-specialist': null }) }))
        .then(received({ tier: 'supervisor', assigneeId: 'sup-siri' }));
    });

    it('goes to the crisis service when nobody of the team is on duty', () => {
      spec
        .given()
        .when(submit({ onDuty: onDuty({ 'employment-specialist': null, supervisor: null }) }))
        .then(received({ tier: 'crisis-service', assigneeId: 'mw-per' }));
    });

    it('is still received with nobody on duty anywhere: unassigned, so its deadline moves it on', () => {
      const nobody = onDuty({ 'employment-specialist': null, supervisor: null, 'crisis-service': null });
      spec.given().when(submit({ onDuty: nobody })).then(received({ assigneeId: null }));
    });

    it('keeps the callback phone in the form it can be dialled', () => {
      spec
        .given()
        .when(submit({ callbackPhone: '+47 912-34 567' }))
        .then(received());
    });

    it.each(['91234567', '+47 912', '+47abc45678', ''])('rejects the callback phone %p', (callbackPhone) => {
      spec.given().when(submit({ callbackPhone })).thenRefused(ContactRequestErrors.invalidPhone, 'rejected');
    });

    it('refuses a placement that does not exist', () => {
      spec
        .given()
        .when(submit({ placement: null }))
        .thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });

    it('refuses a placement that has ended', () => {
      spec
        .given()
        .when(submit({ placement: { participantId, employerId, ended: true } }))
        .thenRefused(ParticipantEmploymentErrors.placementEnded, 'conflict');
    });
  });

  describe.each([
    ['Received', [received()]],
    ['Escalated', [received(), escalated(1)]],
    ['Acknowledged', [received(), acknowledged()]],
    ['Resolved', [received(), resolved()]],
  ])('%s', (_, history) => {
    it('refuses the same request id twice', () => {
      spec
        .given(...history)
        .when(submit())
        .thenRefused(ContactRequestErrors.alreadyReceived, 'conflict');
    });
  });
});
