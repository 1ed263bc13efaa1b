import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The employer service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('employer', () => startService('employer', configFromEnv()));
