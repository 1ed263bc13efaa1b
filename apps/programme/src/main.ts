import { configFromEnv, runUntilStopped, startService } from '@ips/runtime';

/** The programme service alone (distributed profile): the registry of IPS teams, its own database from DATABASE_URL, Kafka from KAFKA_BROKERS. */
runUntilStopped('programme', () => startService('programme', configFromEnv()));
