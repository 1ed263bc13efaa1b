import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contracts, renderEventsDoc } from '@ips/contracts';

writeFileSync(path.resolve(__dirname, '../docs/events.md'), renderEventsDoc(contracts));
