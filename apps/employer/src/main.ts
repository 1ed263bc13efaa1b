import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The employer service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'employer');
runUntilStopped('employer', () => startService('employer', config));
