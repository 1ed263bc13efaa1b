import { Principal } from '@ips/access';
import { ProblemException } from '@ips/http';

/** Welfare-office staff act for any employer; an employer's token only for the employer it names. */
export function assertActsFor(principal: Principal, employerId: string): void {
  const isEmployer = principal.agency === 'employer' || principal.role === 'employer';
  if (isEmployer && principal.employerId !== employerId) {
    throw ProblemException.of(403, 'AUTH.FORBIDDEN', 'an employer may act only for itself and its own placements');
  }
}
