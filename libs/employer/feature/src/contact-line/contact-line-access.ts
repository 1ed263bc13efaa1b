import { OnCallTier } from '@ips/employer/domain';
import { ProblemException } from '@ips/http';

export type LineReader = { readonly kind: 'employer'; readonly employerId: string } | { readonly kind: 'team' } | { readonly kind: 'crisis-service' };

/** For principals the access policy lets onto the line's routes (a command's actor too: it names no employer, so reaches none's). */
export function lineReaderOf(principal: { readonly agency: string; readonly role: string; readonly employerId?: string }): LineReader {
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
