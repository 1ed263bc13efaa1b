import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIDELITY_ANCHORS } from './fidelity-anchors';
import { renderFidelityAnchorsDoc } from './fidelity-anchors-doc';

describe('docs/fidelity-anchors.md', () => {
  it('is what the anchors table says (run `npm run docs:fidelity` after changing it)', () => {
    const file = readFileSync(path.resolve(__dirname, '../../../docs/fidelity-anchors.md'), 'utf8');
    expect(file).toBe(renderFidelityAnchorsDoc(FIDELITY_ANCHORS));
  });

  it('lists every item, and every band of every scale with whether it is confirmed', () => {
    const doc = renderFidelityAnchorsDoc(FIDELITY_ANCHORS);
    for (const anchor of FIDELITY_ANCHORS) expect(doc).toContain(`| ${anchor.id} | ${anchor.name} |`);
    expect(doc).toContain('| 4 | 21–25 | ≤ 25 | yes |');
    expect(doc).toContain('| 4 | 31–60 | ≤ 60 | no |');
    expect(doc).toContain('| `phaseShare` | 0.9 |');
  });
});
