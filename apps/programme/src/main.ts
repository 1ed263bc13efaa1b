import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The programme service alone (distributed profile): the registry of IPS teams, its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'programme');
runUntilStopped('programme', () => startService('programme', config));
