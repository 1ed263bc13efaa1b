import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIDELITY_ANCHORS, renderFidelityAnchorsDoc } from '@ips/fidelity';

writeFileSync(path.resolve(__dirname, '../docs/fidelity-anchors.md'), renderFidelityAnchorsDoc(FIDELITY_ANCHORS));
