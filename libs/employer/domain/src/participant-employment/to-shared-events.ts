import { EmployerSharedEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ParticipantEmploymentEvent } from './participant-employment.events';

type Envelope = Pick<EmployerSharedEvent, 'id' | 'recordedBy'>;

const withNote = (note: string | null) => (note === null ? {} : { note });

/** What the other agencies learn from each participant-employment event (the published language). */
export function participantEmploymentToShared(event: ParticipantEmploymentEvent, envelope: Envelope): EmployerSharedEvent[] {
  switch (event.type) {
    // The welfare office published these facts itself.
    case 'EnrolmentNoted':
    case 'DischargeNoted':
    case 'EmployerLinkNoted':
    case 'EmployerDisclosureNoted':
      return [];
    case 'PlacementStarted': {
      const { participantId, recordedAt, ...data } = event.data;
      return [
        {
          ...envelope,
          type: 'PlacementStarted',
          version: 1,
          source: 'employer',
          participantId,
          occurredAt: recordedAt,
          data,
        },
      ];
    }
    case 'FollowAlongContactMade': {
      const { participantId, recordedAt, note, ...data } = event.data;
      return [
        {
          ...envelope,
          type: 'FollowAlongContactMade',
          version: 1,
          source: 'employer',
          participantId,
          occurredAt: recordedAt,
          data: { ...data, ...withNote(note) },
        },
      ];
    }
    case 'PlacementTermsChanged': {
      const { participantId, recordedAt, ...data } = event.data;
      return [
        {
          ...envelope,
          type: 'PlacementTermsChanged',
          version: 1,
          source: 'employer',
          participantId,
          occurredAt: recordedAt,
          data,
        },
      ];
    }
    case 'PlacementEnded': {
      const { participantId, recordedAt, note, ...data } = event.data;
      return [
        {
          ...envelope,
          type: 'PlacementEnded',
          version: 1,
          source: 'employer',
          participantId,
          occurredAt: recordedAt,
          data: { ...data, ...withNote(note) },
        },
      ];
    }
    default:
      return assertNever(event);
  }
}
