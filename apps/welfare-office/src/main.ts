import { startTracing } from '@ips/observability';
import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The welfare-office service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
const config = configFromEnv();
startTracing(config.tracing ?? { enabled: false }, 'welfare-office');
runUntilStopped('welfare-office', () => startService('welfare-office', config));
