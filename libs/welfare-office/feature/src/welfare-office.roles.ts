import { AllowRule } from '@ips/access';

/** Welfare-office staff record the welfare office's part of the participant's record. */
export const WELFARE_OFFICE_STAFF: AllowRule = {
  agency: ['welfare-office'],
  role: ['caseworker', 'employment-specialist', 'supervisor'],
};
