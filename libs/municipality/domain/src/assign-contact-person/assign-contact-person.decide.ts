import { Command, Decision, accept, refuse } from '@ips/kernel';
import { NamedOnTeam, isOnParticipantTeam } from '@ips/contracts';
import { ParticipantServicesErrors } from '../participant-services/participant-services.errors';
import { ParticipantServicesEvent } from '../participant-services/participant-services.events';
import { ParticipantServicesState } from '../participant-services/participant-services.state';

export type AssignContactPerson = Command<
  'AssignContactPerson',
  {
    readonly participantId: string;
    readonly contactPersonId: string;
    /** What the team directory says about the person, looked up by the feature; null or left out while no team is defined. */
    readonly named?: NamedOnTeam | null;
  }
>;

/** The municipal contact person is a municipal worker: the role a member of the team must hold to be named here. */
export const MUNICIPAL_CONTACT_ROLE = { agency: 'municipality', role: 'municipal-worker' } as const;

/**
 * assign-contact-person: the participant's contact person at the municipality is named; a later one replaces it.
 * The municipality serves residents whether or not they are in IPS, so there is no enrolment to check. Once teams are
 * defined, the contact person must be a municipal worker on the participant's team today (422 TEAM.NOT_A_MEMBER).
 */
export function decideAssignContactPerson(command: AssignContactPerson, state: ParticipantServicesState): Decision<ParticipantServicesEvent> {
  const { participantId, contactPersonId, named } = command.data;
  if (state.status === 'Known' && state.contactPersonId === contactPersonId) {
    return refuse('conflict', ParticipantServicesErrors.contactUnchanged, 'this person is already the contact person');
  }
  if (named && !isOnParticipantTeam(named, MUNICIPAL_CONTACT_ROLE.agency, MUNICIPAL_CONTACT_ROLE.role)) {
    return refuse(
      'rejected',
      ParticipantServicesErrors.notATeamMember,
      `contactPersonId: ${contactPersonId} is not a municipal worker on the participant's team today (pick one of the team's members)`,
    );
  }
  return accept({
    type: 'MunicipalContactAssigned',
    data: { participantId, contactPersonId, assignedAt: command.metadata.now },
  });
}
