import { DateField, OptionalTextField } from '@ips/http';

/** The body of end-treatment. */
export class EndTreatmentDto {
  @DateField('2026-03-08', 'planned', 'last day of treatment')
  endedOn!: string;

  @OptionalTextField('Finished the programme; follow-up by the GP')
  reason?: string;
}
