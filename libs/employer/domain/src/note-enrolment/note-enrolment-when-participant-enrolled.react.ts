import { ParticipantDischargedV1, ParticipantEnrolledV1, SharedEvent } from '@ips/contracts';
import { CommandMetadata } from '@ips/kernel';
import { NoteDischarge } from '../note-discharge/note-discharge.decide';
import { NoteEnrolment } from './note-enrolment.decide';

/**
 * Placements start only for enrolled participants, and the welfare office decides who is enrolled: its
 * shared events become facts noted here. The consumer has validated the event against its contract.
 */
export function react(event: SharedEvent): NoteEnrolment | NoteDischarge | null {
  if (event.version !== 1) return null;
  const metadata: CommandMetadata = { actor: event.recordedBy, now: event.occurredAt, correlationId: event.id };
  if (event.type === 'ParticipantEnrolled') {
    const { employmentSpecialistId } = (event as ParticipantEnrolledV1).data;
    return { type: 'NoteEnrolment', data: { participantId: event.participantId, employmentSpecialistId }, metadata };
  }
  if (event.type === 'ParticipantDischarged') {
    // The discharge note is the welfare office's free text; the reason is all this service needs.
    const { reason } = (event as ParticipantDischargedV1).data;
    return { type: 'NoteDischarge', data: { participantId: event.participantId, reason }, metadata };
  }
  return null;
}
