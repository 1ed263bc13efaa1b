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
  if (DistributedHarness.available()) {
    describe(`${title} (distributed)`, () => {
      jest.setTimeout(120_000);
      suite(() => DistributedHarness.start());
    });
  } else if (process.env['CI']) {
    describe(`${title} (distributed)`, () => {
      it('needs DATABASE_URL and kcat', () => {
        throw new Error('CI must run the distributed profile: set DATABASE_URL and install kcat');
      });
    });
  } else {
    describe.skip(`${title} (distributed; skipped: needs DATABASE_URL and kcat)`, () => {
      it('runs against the distributed profile', () => undefined);
    });
  }
}
