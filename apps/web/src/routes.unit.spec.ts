/// <reference types="jest" />
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WRITE_ROUTES, pathOf } from './routes';

/** The write routes of the access policy (docs/access-policy.md, generated from the table the auth guard enforces). */
const policyWriteRoutes = (): string[] =>
  readFileSync(path.resolve(__dirname, '../../../docs/access-policy.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| `((?:POST|PUT|PATCH|DELETE) \/[^`]+)` \|/.exec(line)?.[1])
    .filter((route): route is string => route !== undefined);

/** The write routes no form calls, each with why it stays API-only. */
const API_ONLY: Readonly<Record<string, string>> = {
  'PUT /employer/on-call/teams/:teamId':
    'transition only: an on-call team of the line’s own while the programme defines no team; the app schedules on the programme’s teams',
};

describe('the web app’s write routes against the access policy', () => {
  it('reaches every write route in docs/access-policy.md from a form, or says why it is API-only', () => {
    const reached = new Set<string>(WRITE_ROUTES);
    const leftOut = policyWriteRoutes().filter((route) => !reached.has(route) && !(route in API_ONLY));
    expect(leftOut).toEqual([]);
  });

  it('calls no write route the policy does not have, and lists no API-only route it calls', () => {
    const policy = new Set(policyWriteRoutes());
    expect(WRITE_ROUTES.filter((route) => !policy.has(route))).toEqual([]);
    expect(Object.keys(API_ONLY).filter((route) => !policy.has(route) || (WRITE_ROUTES as readonly string[]).includes(route))).toEqual([]);
  });

  it('fills a route’s parameters, encoded, and refuses one left out', () => {
    expect(pathOf('POST /programme/teams/:teamId/members/:sub/end', { teamId: 't1', sub: 'a b' })).toBe('/programme/teams/t1/members/a%20b/end');
    expect(() => pathOf('POST /welfare-office/participants/:id/consents', {})).toThrow('no id');
  });
});
