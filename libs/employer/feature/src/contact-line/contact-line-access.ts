import { AllowRule, Principal } from '@ips/access';
import { OnCallTier } from '@ips/employer/domain';
import { ProblemException } from '@ips/http';

/** The team on the line: the welfare office's IPS staff take and resolve requests. */
export const LINE_TEAM: AllowRule = { agency: ['welfare-office'], role: ['employment-specialist', 'supervisor', 'caseworker'] };

/** The municipal out-of-hours crisis service: only what has escalated to it. */
export const CRISIS_SERVICE: AllowRule = { agency: ['municipality'], role: ['municipal-worker', 'supervisor'] };

export type LineReader =
  | { readonly kind: 'employer'; readonly employerId: string }
  | { readonly kind: 'team' }
  | { readonly kind: 'crisis-service' };

/** For principals the route's Allow rules let in. */
export function lineReaderOf(principal: Principal): LineReader {
  if (principal.agency === 'employer' || principal.role === 'employer') {
    return { kind: 'employer', employerId: principal.employerId ?? '' };
  }
  return principal.agency === 'municipality' ? { kind: 'crisis-service' } : { kind: 'team' };
}

export function mayReach(reader: LineReader, request: { readonly employerId: string; readonly tier: OnCallTier }): boolean {
  switch (reader.kind) {
    case 'employer':
      return request.employerId === reader.employerId;
    case 'crisis-service':
      return request.tier === 'crisis-service';
    case 'team':
      return true;
  }
}

/** Another employer's request, or one that has not reached the crisis service: as if it did not exist. */
export const requestNotFound = (): ProblemException =>
  ProblemException.of(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see');
