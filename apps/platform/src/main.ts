import { configFromEnv, runUntilStopped } from '@ips/runtime';
import { startPlatform } from './platform';

const config = configFromEnv();
runUntilStopped(
  'IPS platform (embedded)',
  () => startPlatform(config),
  (url) => `${url} — data in ${config.dataDir}${config.databaseUrl ? ' and the PostgreSQL server at DATABASE_URL' : ''}; API docs at /docs`,
);
