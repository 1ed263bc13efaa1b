import { Command, Decision, accept } from '@ips/kernel';
import { EmployerLinkNoted, ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState } from '../participant-employment/participant-employment.state';

export type NoteEmployerLink = Command<'NoteEmployerLink', { readonly participantId: string; readonly employerId: string }>;

/**
 * note-employer-link: the employment specialist contacted an employer for the participant: from then on the team has linked them.
 * A fact to note in any state, never to refuse; the first contact links, later ones change nothing.
 */
export function decideNoteEmployerLink(command: NoteEmployerLink, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const { participantId, employerId } = command.data;
  if (state.links.employerIds.includes(employerId)) return accept();
  const noted: EmployerLinkNoted = {
    type: 'EmployerLinkNoted',
    data: { participantId, employerId, linkedAt: command.metadata.now },
  };
  return accept(noted);
}
