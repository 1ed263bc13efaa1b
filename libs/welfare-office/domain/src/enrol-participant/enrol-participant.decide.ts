import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { NamedRole, StaffMembership, fitsTeam, notAMemberDetail } from '../participant/named-staff';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

/**
 * What the team directory says about the two people named, looked up by the feature layer: each one's memberships
 * current today. Null (or left out) while no team is defined anywhere: anyone may be named, as before teams.
 */
export interface EnrolmentStaff {
  readonly employmentSpecialist: readonly StaffMembership[];
  readonly contactPerson: readonly StaffMembership[];
}

export type EnrolParticipant = Command<
  'EnrolParticipant',
  {
    readonly participantId: string;
    readonly employmentSpecialistId: string;
    readonly contactPersonId: string;
    readonly staff?: EnrolmentStaff | null;
  }
>;

/** The specialist is the welfare office's employment specialist, the fixed contact person its caseworker (NAV veileder). */
export const ENROLMENT_ROLES = {
  employmentSpecialist: { field: 'employmentSpecialistId', agency: 'welfare-office', role: 'employment-specialist', says: 'an employment specialist' },
  contactPerson: { field: 'contactPersonId', agency: 'welfare-office', role: 'caseworker', says: 'a welfare-office caseworker' },
} as const satisfies Record<keyof EnrolmentStaff, NamedRole>;

/** The participant's team on the command's day: the latest period that has begun (a transfer dated ahead has not). */
export const teamToday = (teams: readonly { readonly teamId: string; readonly from: string }[], now: string): string | null => {
  const today = now.slice(0, 10);
  return [...teams].reverse().find((period) => period.from <= today)?.teamId ?? teams[0]?.teamId ?? null;
};

/**
 * enrol-participant: one enrolment per referral: a second is refused (409 PARTICIPANT.ALREADY_ENROLLED), so no event ever replaces the
 * named specialist or contact person by accident. Once teams are defined, both must be on the participant's team today
 * in the role their field asks for (422 TEAM.NOT_A_MEMBER, naming the field).
 */
export function decideEnrolParticipant(command: EnrolParticipant, state: ParticipantState): Decision<ParticipantEvent> {
  switch (state.status) {
    case 'Unknown':
      return refuse('not-found', ParticipantErrors.notFound, 'no referral for this participant');
    case 'Enrolled':
    case 'Discharged':
      return refuse('conflict', ParticipantErrors.alreadyEnrolled, 'the participant is already enrolled');
    case 'Erased':
      return refuse('conflict', ParticipantErrors.erased, 'the participant was erased');
    case 'ReferralWithdrawn':
      return refuse('conflict', ParticipantErrors.referralClosed, 'the participant withdrew the referral; refer again');
    case 'Referred': {
      const { employmentSpecialistId, contactPersonId, staff } = command.data;
      if (staff) {
        const teamId = teamToday(state.teams, command.metadata.now) ?? state.teamId;
        const named = [
          [ENROLMENT_ROLES.employmentSpecialist, staff.employmentSpecialist, employmentSpecialistId],
          [ENROLMENT_ROLES.contactPerson, staff.contactPerson, contactPersonId],
        ] as const;
        for (const [role, memberships, sub] of named) {
          if (!fitsTeam(memberships, teamId, role)) return refuse('rejected', ParticipantErrors.notATeamMember, notAMemberDetail(role, sub));
        }
      }
      return accept({
        type: 'ParticipantEnrolled',
        data: { participantId: state.participantId, employmentSpecialistId, contactPersonId, enrolledAt: command.metadata.now },
      });
    }
    default:
      return assertNever(state);
  }
}
