import { TextField } from '@ips/http';

export class ResolveContactRequestDto {
  /** For the team only: it may say things about the participant's health, so the employer never sees it. */
  @TextField('Called the employer back; Ola was home ill and will call in himself tomorrow.', 2000)
  note!: string;
}
