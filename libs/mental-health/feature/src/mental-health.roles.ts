import { AllowRule } from '@ips/access';

/** Treatment staff record the mental-health service's part of the participant's record. */
export const MENTAL_HEALTH_STAFF: AllowRule = {
  agency: ['mental-health'],
  role: ['clinician', 'supervisor'],
};
