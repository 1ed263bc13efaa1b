import { EmployerContactMadeV1, SharedEvent } from '@ips/contracts';
import { CommandMetadata } from '@ips/kernel';
import { NoteEmployerLink } from './note-employer-link.decide';

/**
 * An employer records a job start only for a participant the team linked it to, and the team links them by the
 * employment specialist's contact with that employer for the participant. Only the employer's id is taken: the
 * contact's note is the welfare office's. The consumer has validated the event against its contract.
 */
export function noteEmployerLinkWhenEmployerContactMade(event: SharedEvent): NoteEmployerLink | null {
  if (event.type !== 'EmployerContactMade' || event.version !== 1) return null;
  const metadata: CommandMetadata = { actor: event.recordedBy, now: event.occurredAt, correlationId: event.id };
  const { employerId } = (event as EmployerContactMadeV1).data;
  return { type: 'NoteEmployerLink', data: { participantId: event.participantId, employerId }, metadata };
}
