import { AllowRule } from '@ips/access';

/** Job development and follow-along are the employment specialist's work (and their supervisor's). */
export const EMPLOYMENT_STAFF: AllowRule = {
  agency: ['welfare-office'],
  role: ['employment-specialist', 'supervisor'],
};

/** An employer's own token: it always names the employer (`employerId`). */
export const EMPLOYER: AllowRule = {
  agency: ['employer'],
  role: ['employer'],
};
