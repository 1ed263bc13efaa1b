import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The welfare-office service alone (distributed profile): its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('welfare-office', () => startService('welfare-office', configFromEnv()));
