import { UseCaseCommand } from '@ips/command-pipeline';
import { NoteConsent } from '@ips/employer/domain';

/** note-consent: the participant's consent to tell employers of their IPS support, noted here from the bus. */
export class NoteConsentCommand extends UseCaseCommand<NoteConsent> {
  readonly type = 'NoteConsent';
}
