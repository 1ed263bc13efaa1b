import { describeWithKafka } from '@ips/messaging/testing';
import { contactLineWorld } from './testing/contact-line-world';
import { DistributedHarness } from './testing/distributed-harness';
import { TestClock } from './testing/platform-harness';
import { TestPlatform, describeEachProfile } from './testing/profiles';

// The contact line's third tier in each profile: embedded, the municipality's rota answers in-process;
// distributed, the employer service asks the municipality service over HTTP with its own token.
// The world: an urgent request at 20:00 Oslo time, sup-siri on call all night, mw-per on crisis duty from 16:00.
const BEFORE_THE_SHIFTS = '2026-03-01T09:00:00.000Z';

describeEachProfile('the contact line escalates to the municipal crisis service on duty', (start) => {
  let harness: TestPlatform;
  let world: Awaited<ReturnType<typeof contactLineWorld>>;

  beforeAll(async () => {
    harness = await start();
    harness.clock.set(BEFORE_THE_SHIFTS);
    world = await contactLineWorld(harness);
  });
  afterEach(() => world.resolveOpen());
  afterAll(() => harness?.stop());

  it('names the worker on crisis duty once nobody on the team acknowledged', async () => {
    const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
    await world.tickAt('2026-03-02T20:15:00.000Z');
    await world.tickAt('2026-03-02T20:30:00.000Z');
    expect(await world.view(requestId)).toMatchObject({ status: 'escalated', tier: 'crisis-service', assigneeId: 'mw-per', escalations: 2 });
    const crisisWorker = await harness.token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' });
    const seen = await harness.http
      .get(`/employer/contact-requests/${requestId}`)
      .set({ Authorization: `Bearer ${crisisWorker}` })
      .expect(200);
    expect(seen.body).toMatchObject({ tier: 'crisis-service', callbackPhone: '+4791234567' });
  });

  it('never escalates to nobody: with nobody on duty anywhere the participant’s own specialist keeps it, and each deadline tells the team again', async () => {
    const requestId = await world.submitAt('2026-03-03T07:00:00.000Z'); // every shift and the crisis duty end 08:00 Oslo = 07:00 UTC
    expect(await world.view(requestId)).toMatchObject({ status: 'received', tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    await world.tickAt('2026-03-03T07:15:00.000Z');
    await world.tickAt('2026-03-03T07:30:00.000Z');
    const view = await world.view(requestId);
    expect(view).toMatchObject({ status: 'escalated', tier: 'employment-specialist', assigneeId: 'es-ingrid', escalations: 2 });
    expect(view).toMatchObject({ answerBy: '2026-03-03T07:15:00.000Z', acknowledgeBy: '2026-03-03T07:45:00.000Z', overdue: true });
    expect(view.history.map((change: { assigneeId?: string | null }) => change.assigneeId)).toEqual(['es-ingrid', 'es-ingrid', 'es-ingrid']);
  });
});

describeWithKafka(
  'the contact line in the distributed profile while the municipality service is down',
  () => {
    jest.setTimeout(120_000);
    let harness: DistributedHarness;
    let world: Awaited<ReturnType<typeof contactLineWorld>>;

    beforeAll(async () => {
      harness = await DistributedHarness.start(new TestClock(new Date(BEFORE_THE_SHIFTS)));
      world = await contactLineWorld(harness);
    });
    afterAll(() => harness?.stop());

    it('still escalates on time: the supervisor keeps it (never “escalated to nobody”), and the team is told again', async () => {
      const municipality = harness.platform.services.get('municipality');
      if (!municipality) throw new Error('no municipality service');
      const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
      await world.tickAt('2026-03-02T20:15:00.000Z');
      await municipality.close();
      await world.tickAt('2026-03-02T20:30:00.000Z');
      expect(await world.view(requestId)).toMatchObject({ status: 'escalated', tier: 'supervisor', assigneeId: 'sup-siri', escalations: 2 });
    });
  },
  { databaseServer: true },
);
