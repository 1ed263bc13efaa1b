import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

/** One line a person can read, for the timeline. Unknown (newer) event types still get a line. */
export function summarise(event: SharedEvent): string {
  const known = event as KnownSharedEvent;
  switch (known.type) {
    case 'ParticipantReferred':
      return `Referred to IPS by ${known.data.referredBy}`;
    case 'ParticipantEnrolled':
      return `Enrolled with employment specialist ${known.data.employmentSpecialistId}; contact person ${known.data.contactPersonId}`;
    default:
      return `${event.type} (${event.source})`;
  }
}
