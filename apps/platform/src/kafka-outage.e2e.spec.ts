import { describeWithKafka } from '@ips/messaging/testing';
import { contactLineWorld } from './testing/contact-line-world';
import { DistributedHarness } from './testing/distributed-harness';

describeWithKafka(
  'the distributed profile while Kafka is unreachable',
  () => {
    jest.setTimeout(180_000);
    let harness: DistributedHarness;
    let token: string;
    const auth = () => ({ Authorization: `Bearer ${token}` });

    beforeAll(async () => {
      harness = await DistributedHarness.start();
      token = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    });
    afterAll(() => harness.stop());

    const refer = async (n: number): Promise<string> => {
      const response = await harness.http
        .post('/welfare-office/referrals')
        .set(auth())
        .send({ givenName: `Kari ${n}`, familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' })
        .expect(201);
      return response.body.participantId as string;
    };

    it('keeps answering 201, loses nothing, and delivers everything once Kafka is back', async () => {
      const before = await refer(0);
      await harness.platform.settled();
      await harness.http.get(`/team-view/participants/${before}/timeline`).set(auth()).expect(200);

      harness.cluster.freeze();
      const during: string[] = [];
      for (let n = 1; n <= 5; n++) {
        const participantId = await refer(n);
        await harness.http
          .post(`/welfare-office/participants/${participantId}/enrolment`)
          .set(auth())
          .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
          .expect(201);
        during.push(participantId);
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // Nothing can have reached the team view: the only way there is Kafka.
      await harness.http.get(`/team-view/participants/${during[0]}/timeline`).set(auth()).expect(404);

      harness.cluster.thaw();
      await harness.platform.settled();
      for (const participantId of during) {
        const timeline = await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth()).expect(200);
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
