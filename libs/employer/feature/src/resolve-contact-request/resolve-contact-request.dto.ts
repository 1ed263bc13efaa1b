import { TextField } from '@ips/http';

/** The body of resolve-contact-request: the note for the team. */
export class ResolveContactRequestDto {
  /** For the team only: it may say things about the participant's health, so the employer never sees it. */
  @TextField('Called the employer back; Ola was home ill and will call in himself tomorrow.', 2000)
  note!: string;
}
