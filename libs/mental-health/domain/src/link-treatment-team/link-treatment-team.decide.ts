import { Command, Decision, accept, refuse } from '@ips/kernel';
import { NamedOnTeam, isOnParticipantTeam } from '@ips/contracts';
import { ParticipantCareErrors } from '../participant-care/participant-care.errors';
import { ParticipantCareEvent, TreatmentTeamLinked } from '../participant-care/participant-care.events';
import { whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type LinkTreatmentTeam = Command<
  'LinkTreatmentTeam',
  Omit<TreatmentTeamLinked['data'], 'at'> & {
    /** What the team directory says about the clinician, looked up by the feature; null or left out while no team is defined. */
    readonly named?: NamedOnTeam | null;
  }
>;

/** The clinician is a mental-health clinician: the role a member of the team must hold to be named here. */
export const CLINICIAN_ROLE = { agency: 'mental-health', role: 'clinician' } as const;

/**
 * link-treatment-team: another team or clinician, or a link after treatment ended, is recorded; the same link again is not. Once teams are
 * defined, the clinician must be a clinician on the participant's team today (422 TEAM.NOT_A_MEMBER naming clinicianId).
 */
export const decideLinkTreatmentTeam = (command: LinkTreatmentTeam, state: ParticipantCareState): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, ({ participantId, treatment }) => {
    const { teamName, clinicianId, named } = command.data;
    if (named && !isOnParticipantTeam(named, CLINICIAN_ROLE.agency, CLINICIAN_ROLE.role)) {
      return refuse(
        'rejected',
        ParticipantCareErrors.notATeamMember,
        `clinicianId: ${clinicianId} is not a clinician on the participant's team today (pick one of the team's members)`,
      );
    }
    if (treatment.status === 'Linked' && treatment.teamName === teamName && treatment.clinicianId === clinicianId) {
      return accept();
    }
    return accept({ type: 'TreatmentTeamLinked', data: { participantId, teamName, clinicianId, at: command.metadata.now } });
  });
