import { describeWithKafka } from '@ips/messaging/testing';
import { contactLineWorld } from './testing/contact-line-world';
import { DistributedHarness } from './testing/distributed-harness';
import { Referrals, referrals } from './testing/referrals';

describeWithKafka(
  'the distributed profile while Kafka is unreachable',
  () => {
    jest.setTimeout(180_000);
    let harness: DistributedHarness;
    let welfare: Referrals;

    beforeAll(async () => {
      harness = await DistributedHarness.start();
      welfare = await referrals(harness);
    });
    afterAll(() => harness.stop());

    it('keeps answering 201, loses nothing, and delivers everything once Kafka is back', async () => {
      const before = await welfare.refer(0);
      await harness.platform.settled();
      await welfare.timelineOf(before).expect(200);

      harness.cluster.freeze();
      const during: string[] = [];
      for (let n = 1; n <= 5; n++) {
        const participantId = await welfare.refer(n);
        await harness.http
          .post(`/welfare-office/participants/${participantId}/enrolment`)
          .set(welfare.auth())
          .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
          .expect(201);
        during.push(participantId);
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // Nothing can have reached the team view: the only way there is Kafka.
      await welfare.timelineOf(during[0]!).expect(404);

      harness.cluster.thaw();
      await harness.platform.settled();
      for (const participantId of during) {
        const timeline = await welfare.timelineOf(participantId).expect(200);
        expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['ParticipantReferred', 'ParticipantEnrolled']);
      }
    });

    it("takes the employer line's requests (202) and routes them by the roster; the team view gets them once Kafka is back", async () => {
      const world = await contactLineWorld(harness);
      await harness.platform.settled();
      harness.cluster.freeze();
      const requestId = await world.submitAt('2026-03-02T09:00:00.000Z');
      expect(await world.view(requestId)).toMatchObject({ status: 'received', tier: 'employment-specialist', assigneeId: 'es-per' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      harness.cluster.thaw();
      await harness.platform.settled();
      const timeline = await world.get(`/team-view/participants/${world.participantId}/timeline`, 'participant').expect(200);
      expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toContain('ContactRequestReceived');
    });
  },
  { databaseServer: true },
);
