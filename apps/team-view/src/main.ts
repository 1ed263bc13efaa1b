import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The team-view service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('team-view', () => startService('team-view', configFromEnv()));
