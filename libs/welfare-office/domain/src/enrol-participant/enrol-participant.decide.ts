import { Command, Decision, accept, assertNever, refuse } from '@ips/utils';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type EnrolParticipant = Command<
  'EnrolParticipant',
  { readonly participantId: string; readonly employmentSpecialistId: string; readonly contactPersonId: string }
>;

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
    case 'Referred':
      return accept({
        type: 'ParticipantEnrolled',
        data: {
          participantId: state.participantId,
          employmentSpecialistId: command.data.employmentSpecialistId,
          contactPersonId: command.data.contactPersonId,
          enrolledAt: command.metadata.now,
        },
      });
    default:
      return assertNever(state);
  }
}
