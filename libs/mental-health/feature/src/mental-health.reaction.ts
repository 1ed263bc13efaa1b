import { Reaction } from '@ips/command-pipeline';
import { assertNever } from '@ips/kernel';
import { react } from '@ips/mental-health/domain';
import { NoteDischargeCommand } from './note-discharge/note-discharge.command';
import { NoteDischargeHandler } from './note-discharge/note-discharge.command-handler';
import { NoteEnrolmentCommand } from './note-enrolment/note-enrolment.command';
import { NoteEnrolmentHandler } from './note-enrolment/note-enrolment.command-handler';

/** Mental health notes the welfare office's enrolments and discharges; noting is idempotent, so redelivery is harmless. */
export const mentalHealthReaction: Reaction = {
  group: 'mental-health',
  react: (event) => {
    const command = react(event);
    if (!command) return null;
    switch (command.type) {
      case 'NoteEnrolment':
        return new NoteEnrolmentCommand(command.data, command.metadata);
      case 'NoteDischarge':
        return new NoteDischargeCommand(command.data, command.metadata);
      default:
        return assertNever(command);
    }
  },
  handlers: [NoteEnrolmentHandler, NoteDischargeHandler],
};
