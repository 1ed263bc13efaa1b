import { ParticipantDischargedV1, ParticipantEnrolledV1, SharedEvent } from '@ips/contracts';
import { CommandMetadata } from '@ips/kernel';
import { NoteDischarge } from '../note-discharge/note-discharge.decide';
import { NoteEnrolment } from './note-enrolment.decide';

/** What this service notes from the welfare office's shared events; everything else is none of its business. */
export function react(event: SharedEvent): NoteEnrolment | NoteDischarge | null {
  if (event.version !== 1) return null;
  const metadata: CommandMetadata = { actor: event.recordedBy, now: event.occurredAt, correlationId: event.id };
  const { participantId } = event;
  if (event.type === 'ParticipantEnrolled') {
    const { employmentSpecialistId } = (event as ParticipantEnrolledV1).data;
    return { type: 'NoteEnrolment', data: { participantId, employmentSpecialistId }, metadata };
  }
  if (event.type === 'ParticipantDischarged') {
    const { reason } = (event as ParticipantDischargedV1).data;
    return { type: 'NoteDischarge', data: { participantId, reason }, metadata };
  }
  return null;
}
