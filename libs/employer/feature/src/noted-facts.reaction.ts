import { SharedEvent } from '@ips/contracts';
import {
  NoteConsent,
  NoteDischarge,
  NoteEmployerLink,
  NoteEnrolment,
  ParticipantEmploymentEvent,
  ParticipantEmploymentState,
  decideNoteConsent,
  decideNoteDischarge,
  decideNoteEmployerLink,
  decideNoteEnrolment,
  noteConsentWhenConsentChanged,
  noteEmployerLinkWhenEmployerContactMade,
  react as noteEnrolmentWhenParticipantEnrolled,
} from '@ips/employer/domain';
import { Decision, assertNever } from '@ips/kernel';
import { participantEmploymentSlice } from './participant-employment.slice';

export type NotedFact = NoteEnrolment | NoteDischarge | NoteEmployerLink | NoteConsent;

/** The welfare office's shared events this service notes; each reacts to its own types and ignores the rest. */
const reactions: readonly ((event: SharedEvent) => NotedFact | null)[] = [
  noteEnrolmentWhenParticipantEnrolled,
  noteEmployerLinkWhenEmployerContactMade,
  noteConsentWhenConsentChanged,
];

export function reactToNotedFacts(event: SharedEvent): NotedFact | null {
  for (const reaction of reactions) {
    const command = reaction(event);
    if (command) return command;
  }
  return null;
}

/** The commands the reactions make, each decided on the participant's employment stream. */
export function decideNotedFact(command: NotedFact, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  switch (command.type) {
    case 'NoteEnrolment':
      return decideNoteEnrolment(command, state);
    case 'NoteDischarge':
      return decideNoteDischarge(command, state);
    case 'NoteEmployerLink':
      return decideNoteEmployerLink(command, state);
    case 'NoteConsent':
      return decideNoteConsent(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * The welfare office's enrolments, discharges, employer contacts and consents, noted here so that placements can
 * check them (decision 8). The app subscribes `group` to the bus and runs each command from `react` through the
 * pipeline on `slice`, with `decide`, for the aggregate `command.data.participantId`.
 */
export const employerReaction = {
  group: 'employer',
  slice: participantEmploymentSlice,
  react: reactToNotedFacts,
  decide: decideNotedFact,
} as const;
