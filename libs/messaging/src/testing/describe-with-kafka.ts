import { MockKafkaCluster } from '../kafka/mock-kafka-cluster';

/**
 * Suites that need the mock cluster: skipped without kcat, except in CI (`CI=true`), where a missing
 * kcat fails them instead.
 */
export function describeWithKafka(name: string, suite: () => void): void {
  if (MockKafkaCluster.available()) {
    describe(name, suite);
  } else if (process.env['CI']) {
    describe(name, () => {
      it('needs kcat (the librdkafka mock cluster)', () => {
        throw new Error('kcat is required in CI: install it with apt-get install -y kcat');
      });
    });
  } else {
    describe.skip(`${name} (skipped: install kcat for the Kafka mock cluster)`, () => {
      it('runs against the Kafka mock cluster', () => undefined);
    });
  }
}
