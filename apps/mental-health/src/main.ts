import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The mental-health service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('mental-health', () => startService('mental-health', configFromEnv()));
