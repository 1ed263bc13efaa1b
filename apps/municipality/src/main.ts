import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The municipality service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('municipality', () => startService('municipality', configFromEnv()));
