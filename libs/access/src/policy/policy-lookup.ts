import { ACCESS_POLICY } from './access-policy';
import { PolicyRow } from './policy-row';

const BY_ROUTE = new Map(ACCESS_POLICY.map((row) => [row.route, row]));

/**
 * The row for `METHOD /path` as the route is mounted; undefined means no one may call it. `HEAD` is the `GET` it
 * mirrors (the server answers it with the GET route's handler, headers only): the same row, so the same callers and
 * the same checks on the participant.
 */
export const policyFor = (method: string, path: string): PolicyRow | undefined => {
  const verb = method.toUpperCase();
  return BY_ROUTE.get(`${verb === 'HEAD' ? 'GET' : verb} ${path}`);
};
