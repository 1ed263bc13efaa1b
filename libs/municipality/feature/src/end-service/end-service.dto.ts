import { OptionalDateField, OptionalTextField } from '@ips/http';

/** The body of end-service: the service's last day, and why it ended. */
export class EndServiceDto {
  @OptionalDateField('2026-06-30', 'planned', 'last day of the service; today when left out')
  endedOn?: string;

  @OptionalTextField('Moved to a flat of her own')
  reason?: string;
}
