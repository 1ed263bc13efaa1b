import { contactLineWorld } from './testing/contact-line-world';
import { PlatformHarness, TestClock } from './testing/platform-harness';

type Board = {
  specialists: {
    employmentSpecialistId: string;
    openContactRequests: number;
    overdueAcknowledgements: number;
    participants: { participantId: string; alerts: { code: string }[] }[];
  }[];
};

describe('the employer contact line in the team view: timeline under consent, board alerts', () => {
  let harness: PlatformHarness;
  let world: Awaited<ReturnType<typeof contactLineWorld>>;

  const timelineOf = async (who: string) => {
    await harness.platform.settled();
    const { body } = await world.get(`/team-view/participants/${world.participantId}/timeline`, who).expect(200);
    return (body.entries as { type: string; summary: string }[]).filter((entry) => entry.type.startsWith('ContactRequest'));
  };
  const boardAt = async (instant: string) => {
    harness.clock.set(instant);
    await harness.platform.settled();
    const body: Board = (await world.get('/team-view/board', 'specialist').expect(200)).body;
    const own = body.specialists.find((specialist) => specialist.employmentSpecialistId === 'es-ingrid');
    const participant = own?.participants.find((p) => p.participantId === world.participantId);
    const line = participant?.alerts.map((alert) => alert.code).filter((code) => code.startsWith('CONTACT_REQUEST')) ?? null;
    return { line, open: own?.openContactRequests ?? 0, overdue: own?.overdueAcknowledgements ?? 0 };
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')));
    world = await contactLineWorld(harness);
  });
  afterAll(() => harness?.stop());

  it('keeps the line off the welfare office’s view until the participant shares with the employer', async () => {
    const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
    expect(await timelineOf('specialist')).toEqual([]);
    expect((await boardAt('2026-03-02T20:20:00.000Z')).line).toEqual([]);
    expect((await timelineOf('hr')).map((entry) => entry.type)).toEqual(['ContactRequestReceived']);
    expect((await timelineOf('participant')).map((entry) => entry.type)).toEqual(['ContactRequestReceived']);
    await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: 'done' }, 'specialist').expect(201);
  });

  it('shows each step on the timeline and on the board: open, overdue, escalated and still overdue, taken, resolved', async () => {
    await world
      .post(`/welfare-office/participants/${world.participantId}/consents`, { shareWith: ['employer'], employerDisclosure: false }, 'caseworker')
      .expect(201);
    const requestId = await world.submitAt('2026-03-02T21:00:00.000Z');
    expect(await boardAt('2026-03-02T21:14:59.000Z')).toEqual({ line: ['CONTACT_REQUEST_OPEN'], open: 1, overdue: 0 });
    expect(await boardAt('2026-03-02T21:15:00.000Z')).toEqual({ line: ['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'], open: 1, overdue: 1 });
    await world.tickAt('2026-03-02T21:15:00.000Z');
    // The escalation gives the supervisor a deadline of its own; the employer was promised an answer by the first.
    expect(await boardAt('2026-03-02T21:16:00.000Z')).toEqual({ line: ['CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'], open: 1, overdue: 1 });
    await world.post(`/employer/contact-requests/${requestId}/acknowledge`, {}, 'supervisor').expect(201);
    expect(await boardAt('2026-03-02T22:00:00.000Z')).toEqual({ line: ['CONTACT_REQUEST_OPEN'], open: 1, overdue: 0 });
    await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: 'Ola is ill; back on Monday' }, 'supervisor').expect(201);
    expect(await boardAt('2026-03-02T22:05:00.000Z')).toEqual({ line: [], open: 0, overdue: 0 });

    const timeline = await timelineOf('specialist');
    expect(timeline.map((entry) => entry.summary).slice(-4)).toEqual([
      'Employer contact line: urgent request for the employment specialist on call (es-ingrid); to acknowledge by 2026-03-02 21:15 UTC',
      'Employer contact line: not acknowledged in time, escalated to the IPS supervisor on call (sup-siri)',
      'Employer contact line: request taken by sup-siri',
      'Employer contact line: request resolved by sup-siri',
    ]);
    expect(JSON.stringify(timeline)).not.toContain('Monday');
    expect(JSON.stringify(await timelineOf('specialist'))).not.toContain('collapsed');
  });

  it('keeps a discharged participant on the board while an employer request about them is open', async () => {
    harness.clock.set('2026-03-03T09:00:00.000Z');
    await world.post(`/welfare-office/participants/${world.participantId}/discharge`, { reason: 'steady-employment' }, 'caseworker').expect(201);
    expect((await boardAt('2026-03-03T09:01:00.000Z')).line).toBeNull();
    const requestId = await world.submitAt('2026-03-03T09:02:00.000Z');
    expect((await boardAt('2026-03-03T09:03:00.000Z')).line).toEqual(['CONTACT_REQUEST_OPEN']);
    await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: 'handled' }, 'specialist').expect(201);
    expect((await boardAt('2026-03-03T09:04:00.000Z')).line).toBeNull();
  });
});
