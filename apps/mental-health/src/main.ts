import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The mental-health service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'mental-health');
runUntilStopped('mental-health', () => startService('mental-health', config));
