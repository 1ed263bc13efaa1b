import { DateField, TextListField } from '@ips/http';

/** The body of record-integration-meeting. */
export class RecordIntegrationMeetingDto {
  @DateField('2026-03-09', 'happened', 'date of the meeting')
  heldOn!: string;

  /** Checked by the domain, so a meeting without attendees gets its own code, 422. */
  @TextListField(['dr-lie', 'es-ingrid'])
  attendees!: string[];

  @TextListField(['specialist joins the weekly treatment-team meeting'])
  decisions!: string[];
}
