import { AllowRule } from '@ips/access';

/** Municipal staff record the municipality's services, contact persons and crisis rota. */
export const MUNICIPAL_STAFF: AllowRule = {
  agency: ['municipality'],
  role: ['municipal-worker', 'supervisor'],
};

/** Who may ask who is on crisis duty: municipal staff, and welfare-office staff who need someone to call. */
export const ON_DUTY_READERS: readonly AllowRule[] = [
  MUNICIPAL_STAFF,
  { agency: ['welfare-office'], role: ['caseworker', 'employment-specialist', 'supervisor'] },
];
