import { ProblemException } from '@ips/http';

/**
 * The edge's answer when the policy's LINE_REACH (`@ips/access`) says no: another employer's request, or one that has
 * not reached the crisis service, reads as if it did not exist.
 */
export const requestNotFound = (): ProblemException =>
  ProblemException.of(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see');
