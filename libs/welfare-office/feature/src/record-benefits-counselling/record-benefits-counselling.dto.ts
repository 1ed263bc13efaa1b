import { DateField, OptionalTextField, TextListField } from '@ips/http';

/** The body of record-benefits-counselling: when it was held, the topics, and a note. */
export class RecordBenefitsCounsellingDto {
  @DateField('2026-02-09', 'happened', 'date of the session')
  heldOn!: string;

  @TextListField(['disability benefit with part-time wages'])
  topics!: string[];

  @OptionalTextField('Calculated income at 20 h/week')
  note?: string;
}
