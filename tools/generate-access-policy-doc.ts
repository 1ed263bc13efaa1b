import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderAccessPolicyDoc } from '@ips/access';

writeFileSync(path.resolve(__dirname, '../docs/access-policy.md'), renderAccessPolicyDoc());
