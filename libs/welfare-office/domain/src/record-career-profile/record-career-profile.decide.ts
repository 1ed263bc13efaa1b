import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { CareerProfileCreated, ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

type Profile = Omit<CareerProfileCreated['data'], 'at'>;
export type CreateCareerProfile = Command<'CreateCareerProfile', Profile>;
export type UpdateCareerProfile = Command<'UpdateCareerProfile', Profile>;

export const decideCreateCareerProfile = (command: CreateCareerProfile, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, (enrolled) =>
    enrolled.hasCareerProfile
      ? refuse('conflict', ParticipantErrors.profileExists, 'the career profile exists; update it')
      : accept({ type: 'CareerProfileCreated', data: { ...command.data, at: command.metadata.now } }),
  );

export const decideUpdateCareerProfile = (command: UpdateCareerProfile, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, (enrolled) =>
    enrolled.hasCareerProfile
      ? accept({ type: 'CareerProfileUpdated', data: { ...command.data, at: command.metadata.now } })
      : refuse('conflict', ParticipantErrors.noProfile, 'there is no career profile yet; create it'),
  );
