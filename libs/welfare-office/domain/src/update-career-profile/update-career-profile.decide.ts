import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';
import { CareerProfileFields } from '../record-career-profile/record-career-profile.decide';

export type UpdateCareerProfile = Command<'UpdateCareerProfile', CareerProfileFields>;

/** update-career-profile: the specialist replaces the career profile (after every job, and whenever needed). */
export const decideUpdateCareerProfile = (command: UpdateCareerProfile, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, (enrolled) =>
    enrolled.hasCareerProfile
      ? accept({ type: 'CareerProfileUpdated', data: { ...command.data, at: command.metadata.now } })
      : refuse('conflict', ParticipantErrors.noProfile, 'there is no career profile yet; create it'),
  );
