import { Command, Decision, accept } from '@ips/utils';
import { ParticipantCareEvent, TreatmentTeamLinked } from '../participant-care/participant-care.events';
import { whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type LinkTreatmentTeam = Command<'LinkTreatmentTeam', Omit<TreatmentTeamLinked['data'], 'at'>>;

/** Another team or clinician, or a link after treatment ended, is recorded; the same link again is not. */
export const decideLinkTreatmentTeam = (
  command: LinkTreatmentTeam,
  state: ParticipantCareState,
): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, ({ participantId, treatment }) => {
    const { teamName, clinicianId } = command.data;
    if (treatment.status === 'Linked' && treatment.teamName === teamName && treatment.clinicianId === clinicianId) {
      return accept();
    }
    return accept({ type: 'TreatmentTeamLinked', data: { participantId, teamName, clinicianId, at: command.metadata.now } });
  });
