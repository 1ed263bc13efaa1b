import { ConsentGivenV1, SharedEvent } from '@ips/contracts';
import { CommandMetadata } from '@ips/kernel';
import { NoteConsent } from './note-consent.decide';

/**
 * An employer records a job start only under a consent that discloses to employers: the welfare office's
 * consents and withdrawals become the fact noted here. Only the flag is taken: who else shares the record, and a
 * withdrawal's reason, are the welfare office's. The consumer has validated the event against its contract.
 */
export function noteConsentWhenConsentChanged(event: SharedEvent): NoteConsent | null {
  if (event.version !== 1) return null;
  const metadata: CommandMetadata = { actor: event.recordedBy, now: event.occurredAt, correlationId: event.id };
  const participantId = event.participantId;
  if (event.type === 'ConsentGiven') {
    const { employerDisclosure } = (event as ConsentGivenV1).data;
    return { type: 'NoteConsent', data: { participantId, employerDisclosure }, metadata };
  }
  if (event.type === 'ConsentWithdrawn') return { type: 'NoteConsent', data: { participantId, employerDisclosure: false }, metadata };
  return null;
}
