import { MentalHealthSharedEvent, SharedEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ParticipantCareEvent } from './participant-care.events';

type Envelope = Pick<SharedEvent, 'id' | 'recordedBy'>;

const withReason = (reason: string | null) => (reason === null ? {} : { reason });

/**
 * What the sharing circle learns from each mental-health event. Never a diagnosis: level, dates and
 * agreed actions only. Enrolment and discharge came from the welfare office and are not republished.
 */
export function participantCareToShared(event: ParticipantCareEvent, envelope: Envelope): MentalHealthSharedEvent[] {
  const { participantId, at } = event.data;
  const shared = { ...envelope, version: 1, source: 'mental-health', participantId, occurredAt: at } as const;
  switch (event.type) {
    case 'EnrolmentNoted':
    case 'DischargeNoted':
      return [];
    case 'TreatmentTeamLinked': {
      const { teamName, clinicianId } = event.data;
      return [{ ...shared, type: 'TreatmentTeamLinked', data: { teamName, clinicianId } }];
    }
    case 'IntegrationMeetingHeld': {
      const { heldOn, attendees, decisions } = event.data;
      return [{ ...shared, type: 'IntegrationMeetingHeld', data: { heldOn, attendees: [...attendees], decisions: [...decisions] } }];
    }
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged': {
      const { flagId, level, reviewBy, actions } = event.data;
      return [{ ...shared, type: event.type, data: { flagId, level, reviewBy, actions: [...actions] } }];
    }
    case 'RelapseRiskFlagCleared': {
      const { flagId, reason } = event.data;
      return [{ ...shared, type: 'RelapseRiskFlagCleared', data: { flagId, ...withReason(reason) } }];
    }
    case 'TreatmentEnded': {
      const { endedOn, reason } = event.data;
      return [{ ...shared, type: 'TreatmentEnded', data: { endedOn, ...withReason(reason) } }];
    }
    default:
      return assertNever(event);
  }
}
