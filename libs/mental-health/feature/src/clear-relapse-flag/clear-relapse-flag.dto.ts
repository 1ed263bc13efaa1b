import { OptionalTextField } from '@ips/http';

/** The body of clear-relapse-flag. */
export class ClearRelapseFlagDto {
  @OptionalTextField('Stable for four weeks; back on full hours')
  reason?: string;
}
