import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantCareErrors } from '../participant-care/participant-care.errors';
import { IntegrationMeetingHeld, ParticipantCareEvent } from '../participant-care/participant-care.events';
import { whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type RecordIntegrationMeeting = Command<'RecordIntegrationMeeting', Omit<IntegrationMeetingHeld['data'], 'at'>>;

/** record-integration-meeting: who attended and what was decided; a meeting needs at least one attendee. */
export const decideRecordIntegrationMeeting = (command: RecordIntegrationMeeting, state: ParticipantCareState): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, ({ participantId }) => {
    const { heldOn, attendees, decisions } = command.data;
    if (attendees.length === 0) {
      return refuse('rejected', ParticipantCareErrors.noAttendees, 'a meeting needs at least one attendee');
    }
    return accept({
      type: 'IntegrationMeetingHeld',
      data: { participantId, heldOn, attendees, decisions, at: command.metadata.now },
    });
  });
