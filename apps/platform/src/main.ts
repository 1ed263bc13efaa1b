import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped } from '@ips/runtime';
import { startPlatform } from './platform';

const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'platform');
runUntilStopped(
  'IPS platform (embedded)',
  () => startPlatform(config),
  (url) => `${url} — data in ${config.dataDir}${config.databaseUrl ? ' and the PostgreSQL server at DATABASE_URL' : ''}; API docs at /docs`,
  'platform',
);
