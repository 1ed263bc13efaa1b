import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { CareerProfileCreated, ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

/** The career profile's fields, as the first meetings gather them (an update replaces them all). */
export type CareerProfileFields = Omit<CareerProfileCreated['data'], 'at'>;
export type CreateCareerProfile = Command<'CreateCareerProfile', CareerProfileFields>;

/** record-career-profile: the specialist records the career profile from the first meetings, once. */
export const decideCreateCareerProfile = (command: CreateCareerProfile, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, (enrolled) =>
    enrolled.hasCareerProfile
      ? refuse('conflict', ParticipantErrors.profileExists, 'the career profile exists; update it')
      : accept({ type: 'CareerProfileCreated', data: { ...command.data, at: command.metadata.now } }),
  );
