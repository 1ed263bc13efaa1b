import { OptionalTextField } from '@ips/http';

export class ClearRelapseFlagDto {
  @OptionalTextField('Stable for four weeks; back on full hours')
  reason?: string;
}
