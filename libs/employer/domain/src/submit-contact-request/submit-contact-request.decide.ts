import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ContactRequestErrors } from '../contact-request/contact-request.errors';
import { ContactRequestEvent } from '../contact-request/contact-request.events';
import { ContactRequestState } from '../contact-request/contact-request.state';
import { AcknowledgementWindows, OnDuty, Urgency, deadline, route } from '../contact-request/on-call-tier';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';

/** What the employer service knows of the placement named in a request (it lives in the participant's stream). */
export interface PlacementOnFile {
  readonly participantId: string;
  readonly employerId: string;
  readonly ended: boolean;
}

export type SubmitContactRequest = Command<
  'SubmitContactRequest',
  {
    readonly requestId: string;
    readonly placementId: string;
    readonly urgency: Urgency;
    readonly message: string;
    readonly callbackPhone: string;
    /** Looked up by the feature layer; null when there is no such placement. */
    readonly placement: PlacementOnFile | null;
    /** Who is on duty for the participant's team now, looked up by the feature layer. */
    readonly onDuty: OnDuty;
    /** The participant's own employment specialist (null: none known), from the participant's stream. */
    readonly specialistId: string | null;
    readonly acknowledgeWithin: AcknowledgementWindows;
  }
>;

/** Spaces, dots, dashes and brackets are how people write numbers; what is left must be dialable as written. */
export const normalisePhone = (phone: string): string => phone.replace(/[\s.()-]/g, '');
const DIALABLE = /^\+\d{8,15}$/;

/**
 * submit-contact-request: the line takes every call about a job the participant holds; it goes to whoever is on duty now, and with nobody on
 * duty at any tier to the participant's own specialist (who is told of every request about them anyway).
 */
export function decideSubmitContactRequest(command: SubmitContactRequest, state: ContactRequestState): Decision<ContactRequestEvent> {
  switch (state.status) {
    case 'None':
      return receive(command);
    case 'Received':
    case 'Escalated':
    case 'Acknowledged':
    case 'Resolved':
      return refuse('conflict', ContactRequestErrors.alreadyReceived, 'this request has already been received');
    default:
      return assertNever(state);
  }
}

function receive(command: SubmitContactRequest): Decision<ContactRequestEvent> {
  const { requestId, placementId, urgency, message, placement, onDuty, specialistId, acknowledgeWithin } = command.data;
  if (!placement) return refuse('not-found', ParticipantEmploymentErrors.placementNotFound, 'no such placement');
  if (placement.ended) return refuse('conflict', ParticipantEmploymentErrors.placementEnded, 'the placement has ended');
  const callbackPhone = normalisePhone(command.data.callbackPhone);
  if (!DIALABLE.test(callbackPhone)) {
    return refuse('rejected', ContactRequestErrors.invalidPhone, 'the callback phone must be + and 8 to 15 digits');
  }
  const { now } = command.metadata;
  return accept({
    type: 'ContactRequestReceived',
    data: {
      requestId,
      placementId,
      participantId: placement.participantId,
      employerId: placement.employerId,
      urgency,
      message,
      callbackPhone,
      ...route(onDuty, 'employment-specialist', { tier: 'employment-specialist', assigneeId: specialistId }),
      acknowledgeBy: deadline(now, acknowledgeWithin[urgency]),
      receivedAt: now,
      specialistId,
    },
  });
}
