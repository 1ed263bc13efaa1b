import { OptionalTextField } from '@ips/http';

/** The body of withdraw-consent: the participant's reason, if they give one. */
export class WithdrawConsentDto {
  @OptionalTextField('I want to think about it again')
  reason?: string;
}
