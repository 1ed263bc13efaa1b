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
    specialistId: 'es-ingrid',
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

    it('goes to the participant’s own specialist with nobody on duty anywhere, never to nobody', () => {
      const nobody = onDuty({ 'employment-specialist': null, supervisor: null, 'crisis-service': null });
      spec
        .given()
        .when(submit({ onDuty: nobody, specialistId: 'es-kari' }))
        .then(received({ tier: 'employment-specialist', assigneeId: 'es-kari', specialistId: 'es-kari' }));
    });

    it('is still received, unassigned, with nobody on duty and no specialist known: its deadline tries the tiers again', () => {
      const nobody = onDuty({ 'employment-specialist': null, supervisor: null, 'crisis-service': null });
      spec
        .given()
        .when(submit({ onDuty: nobody, specialistId: null }))
        .then(received({ assigneeId: null, specialistId: null }));
    });

    it('records the participant’s own specialist, to be told, whoever is on duty', () => {
      spec
        .given()
        .when(submit({ onDuty: onDuty({ 'employment-specialist': 'es-per' }), specialistId: 'es-ingrid' }))
        .then(received({ assigneeId: 'es-per', specialistId: 'es-ingrid' }));
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
