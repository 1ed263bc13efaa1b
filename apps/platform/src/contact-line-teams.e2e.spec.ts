import { randomUUID } from 'node:crypto';
import { ContactRequestEscalations } from '@ips/employer/feature';
import { PlatformHarness, TestClock } from './testing/platform-harness';
import { SseClient, SseMessage } from './testing/sse-client';

/**
 * The 24/7 line on a platform of two teams (decision 27) with nobody on call at all: a request goes to the
 * participant's own specialist (never to nobody) and stays with them while nobody above is on duty, each deadline
 * telling the team again; it counts as not answered in time from its first deadline until someone takes it; staff
 * list and stream only their own teams' requests; the employer sees who took it, by the name the programme gives them.
 */
describe('the employer contact line on a platform of two teams, with nobody on call', () => {
  let harness: PlatformHarness;
  const alna = randomUUID();
  const baerum = randomUUID();
  const tokens: Record<string, string> = {};
  const staff = {
    'cw-a': { agency: 'welfare-office', role: 'caseworker', displayName: 'Ola Caseworker', team: alna },
    'es-a': { agency: 'welfare-office', role: 'employment-specialist', displayName: 'Ingrid Specialist', team: alna },
    'sup-a': { agency: 'welfare-office', role: 'supervisor', displayName: 'Siri Supervisor', team: alna },
    'cw-b': { agency: 'welfare-office', role: 'caseworker', displayName: 'Per Caseworker', team: baerum },
    'es-b': { agency: 'welfare-office', role: 'employment-specialist', displayName: 'Eva Specialist', team: baerum },
  } as const;
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (route: string, body: object, who: string) => harness.http.post(route).set(auth(who)).send(body);
  const get = async (route: string, who: string) => {
    await harness.platform.settled();
    return (await harness.http.get(route).set(auth(who)).expect(200)).body;
  };
  const listed = async (who: string): Promise<{ requestId: string }[]> => (await get('/employer/contact-requests?status=open', who)).requests;
  const aboutThe = (messages: readonly SseMessage[], requestId: string) =>
    messages.filter((message) => (message.data as { requestId: string }).requestId === requestId);

  let placementOfA: string;
  let placementOfB: string;
  let employerId: string;

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')));
    tokens['adm'] = await harness.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    for (const [teamId, name] of [
      [alna, 'IPS Alna'],
      [baerum, 'IPS Bærum'],
    ]) {
      await harness.http.put(`/programme/teams/${teamId}`).set(auth('adm')).send({ name, municipality: 'Oslo', timeZone: 'Europe/Oslo' }).expect(201);
    }
    for (const [sub, { agency, role, displayName, team }] of Object.entries(staff)) {
      tokens[sub] = await harness.token({ sub, agency, role });
      await post(`/programme/teams/${team}/members`, { sub, displayName, agency, role }, 'adm').expect(201);
    }
    const enrolled = async (teamId: string, caseworker: string, specialist: string): Promise<string> => {
      const referral = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self', teamId };
      const { participantId } = (await post('/welfare-office/referrals', referral, caseworker).expect(201)).body;
      await post(
        `/welfare-office/participants/${participantId}/enrolment`,
        { employmentSpecialistId: specialist, contactPersonId: caseworker },
        caseworker,
      ).expect(201);
      return participantId as string;
    };
    const a = await enrolled(alna, 'cw-a', 'es-a');
    const b = await enrolled(baerum, 'cw-b', 'es-b');
    await harness.platform.settled(); // the employer service notes the enrolments from the bus
    employerId = (await post('/employer/employers', { name: 'Nidar AS', organisationNumber: '912345678' }, 'es-a').expect(201)).body.employerId;
    const job = { employerId, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 };
    placementOfA = (await post('/employer/placements', { ...job, participantId: a }, 'es-a').expect(201)).body.placementId;
    placementOfB = (await post('/employer/placements', { ...job, participantId: b }, 'es-b').expect(201)).body.placementId;
    tokens['hr'] = await harness.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId });
    await harness.platform.settled();
  }, 120_000);
  afterAll(() => harness?.stop());

  it('routes to the own specialist, keeps it there while nobody is on duty, counts it late from the first deadline, and scopes lists and streams by team', async () => {
    const supA = await SseClient.open(`${harness.platform.url}/employer/contact-requests/stream`, tokens['sup-a'] as string);
    const cwB = await SseClient.open(`${harness.platform.url}/employer/contact-requests/stream`, tokens['cw-b'] as string);
    try {
      harness.clock.set('2026-03-02T10:00:00.000Z');
      const request = { message: 'Kari did not come in today.', urgency: 'urgent', callbackPhone: '+4791234567' };
      const ofA: string = (await post('/employer/contact-requests', { ...request, placementId: placementOfA }, 'hr').expect(202)).body.requestId;
      const ofB: string = (await post('/employer/contact-requests', { ...request, placementId: placementOfB }, 'hr').expect(202)).body.requestId;

      // Nobody on call anywhere: each goes to the participant's own specialist, never to nobody.
      const viewA = await get(`/employer/contact-requests/${ofA}`, 'sup-a');
      expect(viewA).toMatchObject({
        tier: 'employment-specialist',
        assigneeId: 'es-a',
        specialistId: 'es-a',
        employerName: 'Nidar AS',
        answerBy: '2026-03-02T10:15:00.000Z',
        overdue: false,
        takenBy: null,
      });

      // Work need: each team's staff are listed their own team's requests only; the employer all of its own.
      expect((await listed('sup-a')).map((r) => r.requestId)).toEqual([ofA]);
      expect((await listed('es-b')).map((r) => r.requestId)).toEqual([ofB]);
      expect((await listed('hr')).map((r) => r.requestId).sort()).toEqual([ofA, ofB].sort());

      // The first deadline passes: nobody above is on duty, so each stays with its holder, escalated (the team is told again).
      harness.clock.set('2026-03-02T10:15:00.000Z');
      await harness.platform.app.get(ContactRequestEscalations).tick();
      harness.clock.set('2026-03-02T10:16:00.000Z');
      const escalated = await get(`/employer/contact-requests/${ofA}`, 'sup-a');
      expect(escalated).toMatchObject({
        status: 'escalated',
        escalations: 1,
        tier: 'employment-specialist',
        assigneeId: 'es-a',
        answerBy: '2026-03-02T10:15:00.000Z',
        acknowledgeBy: '2026-03-02T10:30:00.000Z',
        overdue: true,
      });

      // The streams: each reader was told of their own team's request only, each time naming the own specialist.
      await harness.platform.settled();
      await supA.waitFor(2, 5_000);
      await cwB.waitFor(2, 5_000);
      expect(aboutThe(supA.messages, ofB)).toEqual([]);
      expect(aboutThe(cwB.messages, ofA)).toEqual([]);
      const toldA = aboutThe(supA.messages, ofA);
      expect(toldA.map((message) => message.event)).toEqual(['contact-request.received', 'contact-request.escalated']);
      expect(toldA.map((message) => (message.data as { specialistId: string }).specialistId)).toEqual(['es-a', 'es-a']);
      expect(toldA[0]?.data).toMatchObject({ assigneeId: 'es-a', employerName: 'Nidar AS' });
      expect(JSON.stringify(toldA)).not.toContain('Kari did not come in');
      expect(aboutThe(cwB.messages, ofB).map((message) => message.event)).toEqual(['contact-request.received', 'contact-request.escalated']);

      // The supervisor takes it; the employer sees who, by the name the programme gives her, and when.
      harness.clock.set('2026-03-02T10:20:00.000Z');
      await post(`/employer/contact-requests/${ofA}/acknowledge`, {}, 'sup-a').expect(201);
      harness.clock.set('2026-03-02T10:40:00.000Z');
      await post(`/employer/contact-requests/${ofA}/resolve`, { note: 'Kari is ill; back Monday' }, 'sup-a').expect(201);
      const employerSees = await get(`/employer/contact-requests/${ofA}`, 'hr');
      expect(employerSees).toMatchObject({
        status: 'resolved',
        takenBy: { name: 'Siri Supervisor', role: 'supervisor', at: '2026-03-02T10:20:00.000Z' },
        resolvedBy: { name: 'Siri Supervisor', role: 'supervisor', at: '2026-03-02T10:40:00.000Z' },
        resolvedAt: '2026-03-02T10:40:00.000Z',
      });
      expect(JSON.stringify(employerSees)).not.toMatch(/sup-a|es-a|participantId|Monday/);
      expect(await get(`/employer/contact-requests/${ofA}`, 'sup-a')).toMatchObject({
        overdue: false,
        takenBy: { id: 'sup-a', name: 'Siri Supervisor', role: 'supervisor', at: '2026-03-02T10:20:00.000Z' },
      });
    } finally {
      supA.close();
      cwB.close();
    }
  });
});
