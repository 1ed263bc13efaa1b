import request from 'supertest';
import { describeWithKafka } from '@ips/messaging/testing';
import { acceptNewKafkaCluster } from '@ips/runtime';
import { contactLineWorld } from './testing/contact-line-world';
import { DistributedHarness } from './testing/distributed-harness';
import { Referrals, referrals } from './testing/referrals';

/**
 * Issue 24's fresh-cluster test (decision 41): the distributed profile restarted against a new, empty Kafka cluster
 * never skips silently. Its consumers find their checkpoints counted in another cluster and stop, and say so (health,
 * metric, log); the documented way on (`npm run kafka:new-cluster`) brings every referral made since into the team view.
 */
describeWithKafka(
  'the distributed profile moved to a new Kafka cluster',
  () => {
    jest.setTimeout(240_000);
    let harness: DistributedHarness;
    let welfare: Referrals;
    const teamView = () => harness.platform.services.get('team-view')!.url;

    beforeAll(async () => {
      harness = await DistributedHarness.start();
      welfare = await referrals(harness);
    });
    afterAll(() => harness.stop());

    const agenciesSettled = async () => {
      for (const [service, running] of harness.platform.services) if (service !== 'team-view') await running.settled();
    };

    it('stops the team view and says why rather than skip, and after the way on every referral is in the team view, once', async () => {
      const before = [await welfare.refer(1), await welfare.refer(2), await welfare.refer(3)];
      await harness.platform.settled();
      for (const participantId of before) await welfare.timelineOf(participantId).expect(200);

      // A rebuilt cluster: empty, its offsets start again at 0, below the team view's checkpoints.
      await harness.moveToNewCluster();
      const after = [await welfare.refer(4), await welfare.refer(5)];
      await agenciesSettled();
      await new Promise((resolve) => setTimeout(resolve, 1500));

      // Not a silent skip: the referral is not in the team view, and the team view says why, where the on-call engineer looks.
      await welfare.timelineOf(after[0]!).expect(404);
      const ready = await request(teamView()).get('/health/ready').expect(503);
      expect(JSON.stringify(ready.body)).toMatch(/team-view/);
      expect(JSON.stringify(ready.body)).toMatch(/another Kafka cluster/);
      const metrics = await request(teamView()).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/ips_consumer_stopped\{[^}]*consumer="team-view"[^}]*\} 1/);
      await request(teamView()).get('/health/live').expect(200);

      // The way on, with the services stopped: consumers adopt the new cluster from offset 0, the outboxes go out again.
      let steps: Awaited<ReturnType<typeof acceptNewKafkaCluster>> = [];
      await harness.restart(async () => (steps = await acceptNewKafkaCluster(harness.config, { databaseSuffix: harness.databaseSuffix })));
      expect(steps.find((step) => step.service === 'team-view')?.consumers).toEqual(expect.arrayContaining(['team-view']));
      expect(steps.find((step) => step.service === 'welfare-office')?.republished).toBe(true);
      await harness.platform.settled();

      for (const participantId of [...before, ...after]) {
        const timeline = await welfare.timelineOf(participantId).expect(200);
        expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['ParticipantReferred']);
      }
      await request(teamView()).get('/health/ready').expect(200);
      // And what is made now arrives as usual, reactions included: the employer service places a participant only once
      // it noted their enrolment from the bus (its reaction's consumer group is new on this cluster and reads it all).
      const later = await welfare.refer(6);
      await harness.platform.settled();
      await welfare.timelineOf(later).expect(200);
      await contactLineWorld(harness);
    });
  },
  { databaseServer: true },
);
