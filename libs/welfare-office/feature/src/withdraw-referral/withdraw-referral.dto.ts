import { TextField } from '@ips/http';

export class WithdrawReferralDto {
  @TextField('I found a job on my own', 2000)
  reason!: string;
}
