import { Command, Decision, accept } from '@ips/kernel';
import { EmployerDisclosureNoted, ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState } from '../participant-employment/participant-employment.state';

/** A consent given (`employerDisclosure` as the participant chose) or withdrawn (false), at `metadata.now`. */
export type NoteConsent = Command<'NoteConsent', { readonly participantId: string; readonly employerDisclosure: boolean }>;

/**
 * note-consent: the participant decides at the welfare office whether employers may be told; the consent in force is the
 * latest, and a withdrawal leaves none. A fact to note in any state, never to refuse. A consent older than the
 * one noted is an old one delivered again and changes nothing; so does one that says what is noted already.
 */
export function decideNoteConsent(command: NoteConsent, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const { consentedAt, disclosed } = state.links;
  const now = command.metadata.now;
  if (consentedAt !== null && Date.parse(now) < Date.parse(consentedAt)) return accept();
  if (command.data.employerDisclosure === disclosed) return accept();
  const noted: EmployerDisclosureNoted = {
    type: 'EmployerDisclosureNoted',
    data: { participantId: command.data.participantId, employerDisclosure: command.data.employerDisclosure, consentedAt: now },
  };
  return accept(noted);
}
