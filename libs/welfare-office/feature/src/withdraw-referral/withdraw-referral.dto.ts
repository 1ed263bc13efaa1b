import { TextField } from '@ips/http';

/** The body of withdraw-referral: the participant's own reason. */
export class WithdrawReferralDto {
  @TextField('I found a job on my own', 2000)
  reason!: string;
}
