import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventsDoc } from './events-doc';
import { contracts } from './registry';

describe('docs/events.md', () => {
  it('is what the contracts say (run `npm run docs:events` after changing a contract)', () => {
    const file = readFileSync(path.resolve(__dirname, '../../../docs/events.md'), 'utf8');
    expect(file).toBe(renderEventsDoc(contracts));
  });

  it('lists every contract with its version', () => {
    const doc = renderEventsDoc(contracts);
    for (const contract of contracts.all()) expect(doc).toContain(`### ${contract.type} v${contract.version}`);
  });
});
