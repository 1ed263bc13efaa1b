import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The municipality service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'municipality');
runUntilStopped('municipality', () => startService('municipality', config));
