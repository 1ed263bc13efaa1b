import { ACCESS_POLICY } from './access-policy';
import { PolicyRow } from './policy-row';

const BY_ROUTE = new Map(ACCESS_POLICY.map((row) => [row.route, row]));

/** The row for `METHOD /path` as Express mounted it; undefined means no one may call it. */
export const policyFor = (method: string, path: string): PolicyRow | undefined => BY_ROUTE.get(`${method.toUpperCase()} ${path}`);
