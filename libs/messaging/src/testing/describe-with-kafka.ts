import { MockKafkaCluster } from './mock-kafka-cluster';

export interface KafkaSuiteNeeds {
  /** The suite also needs a PostgreSQL server at DATABASE_URL. */
  readonly databaseServer?: boolean;
}

/** What a Kafka suite lacks on this machine; empty when it can run. */
export function missingForKafka(needs: KafkaSuiteNeeds = {}): string[] {
  return [
    ...(MockKafkaCluster.available() ? [] : ['kcat (apt-get install -y kcat)']),
    ...(needs.databaseServer && !process.env['DATABASE_URL'] ? ['DATABASE_URL (a PostgreSQL server)'] : []),
  ];
}

/**
 * Suites that need the mock cluster (and maybe a PostgreSQL server): skipped when they are missing,
 * except in CI (`CI=true`), where they fail instead.
 */
export function describeWithKafka(name: string, suite: () => void, needs: KafkaSuiteNeeds = {}): void {
  const missing = missingForKafka(needs);
  if (missing.length === 0) {
    describe(name, suite);
  } else if (process.env['CI']) {
    describe(name, () => {
      it(`needs ${missing.join(' and ')}`, () => {
        throw new Error(`CI must run this suite; missing: ${missing.join(', ')}`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: needs ${missing.join(' and ')})`, () => {
      it('runs against the Kafka mock cluster', () => undefined);
    });
  }
}
