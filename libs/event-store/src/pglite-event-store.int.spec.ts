import { PgliteDriver } from '@ips/postgres';
import { describeEventStoreContract } from './testing';

// One in-memory PGlite for the whole contract: opening one takes seconds, and the contract isolates its tests.
describeEventStoreContract('PGlite (in-memory)', () => PgliteDriver.open());
