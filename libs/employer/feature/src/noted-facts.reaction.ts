import { Reaction, UseCaseCommand } from '@ips/command-pipeline';
import { SharedEvent } from '@ips/contracts';
import {
  NoteConsent,
  NoteDischarge,
  NoteEmployerLink,
  NoteEnrolment,
  noteConsentWhenConsentChanged,
  noteEmployerLinkWhenEmployerContactMade,
  react as noteEnrolmentWhenParticipantEnrolled,
} from '@ips/employer/domain';
import { Command, assertNever } from '@ips/kernel';
import { NoteConsentCommand } from './note-consent/note-consent.command';
import { NoteConsentHandler } from './note-consent/note-consent.command-handler';
import { NoteDischargeHandler } from './note-discharge/note-discharge.command-handler';
import { NoteEmployerLinkHandler } from './note-employer-link/note-employer-link.command-handler';
import { NoteEnrolmentHandler } from './note-enrolment/note-enrolment.command-handler';
import { NoteDischargeCommand } from './note-discharge/note-discharge.command';
import { NoteEmployerLinkCommand } from './note-employer-link/note-employer-link.command';
import { NoteEnrolmentCommand } from './note-enrolment/note-enrolment.command';

type NotedFact = NoteEnrolment | NoteDischarge | NoteEmployerLink | NoteConsent;

/** The welfare office's shared events this service notes; each reacts to its own types and ignores the rest. */
const reactions: readonly ((event: SharedEvent) => NotedFact | null)[] = [
  noteEnrolmentWhenParticipantEnrolled,
  noteEmployerLinkWhenEmployerContactMade,
  noteConsentWhenConsentChanged,
];

function commandOf(fact: NotedFact): UseCaseCommand<Command> {
  switch (fact.type) {
    case 'NoteEnrolment':
      return new NoteEnrolmentCommand(fact.data, fact.metadata);
    case 'NoteDischarge':
      return new NoteDischargeCommand(fact.data, fact.metadata);
    case 'NoteEmployerLink':
      return new NoteEmployerLinkCommand(fact.data, fact.metadata);
    case 'NoteConsent':
      return new NoteConsentCommand(fact.data, fact.metadata);
    default:
      return assertNever(fact);
  }
}

/**
 * The welfare office's enrolments, discharges, employer contacts and consents, noted here so that placements can
 * check them (decision 8): each becomes its use case's command on the participant's employment stream.
 */
export const employerReaction: Reaction = {
  group: 'employer',
  react: (event) => {
    for (const reaction of reactions) {
      const fact = reaction(event);
      if (fact) return commandOf(fact);
    }
    return null;
  },
  handlers: [NoteEnrolmentHandler, NoteDischargeHandler, NoteEmployerLinkHandler, NoteConsentHandler],
};
