import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_POLICY } from './access-policy';
import { renderAccessPolicyDoc } from './access-policy-doc';

describe('docs/access-policy.md', () => {
  it('is what the policy table says (run `npm run docs:access` after changing it)', () => {
    const file = readFileSync(path.resolve(__dirname, '../../../../docs/access-policy.md'), 'utf8');
    expect(file).toBe(renderAccessPolicyDoc());
  });

  it('has one row per route, no route twice', () => {
    const routes = ACCESS_POLICY.map((row) => row.route);
    expect(new Set(routes).size).toBe(routes.length);
    expect(renderAccessPolicyDoc()).toMatch(/^\| `POST \/welfare-office\/referrals` \| Refer someone to IPS[^|]* \| ✓ \| ✓ \| ✓ \|/m);
  });
});
