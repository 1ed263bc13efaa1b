import { describeWithKafka } from '@ips/messaging/testing';
import { DistributedHarness } from './distributed-harness';
import { PlatformHarness } from './platform-harness';

export type TestPlatform = PlatformHarness | DistributedHarness;

/**
 * One suite, run against both profiles: the embedded platform, and the distributed one (services,
 * Kafka mock cluster, gateway). Without DATABASE_URL or kcat the distributed run is skipped, except
 * in CI, where it fails.
 */
export function describeEachProfile(title: string, suite: (start: () => Promise<TestPlatform>) => void): void {
  describe(`${title} (embedded)`, () => suite(() => PlatformHarness.start()));
  describeWithKafka(
    `${title} (distributed)`,
    () => {
      jest.setTimeout(120_000);
      suite(() => DistributedHarness.start());
    },
    { databaseServer: true },
  );
}
