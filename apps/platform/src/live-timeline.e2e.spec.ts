import { TestPlatform, describeEachProfile } from './testing/profiles';
import { SseClient } from './testing/sse-client';

/**
 * What the web app needs from the team view besides the contract routes: the caseload list, the employer's
 * own placements, and the live timeline stream, each filtered and audited like the timeline.
 */
describeEachProfile('team view for the web app: caseload, employer placements, live timeline', (start) => {
  let harness: TestPlatform;
  let participantId = '';
  let other = '';
  let employerId = '';
  let placementId = '';
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const streams: SseClient[] = [];
  const follow = async (who: string, id = participantId): Promise<SseClient & { body?: string }> => {
    const client = await SseClient.open(`${harness.platform.url}/team-view/participants/${id}/stream`, tokens[who] as string);
    streams.push(client);
    return client;
  };
  const refer = async (givenName: string): Promise<string> =>
    (
      await harness.http
        .post('/welfare-office/referrals')
        .set(as('specialist'))
        .send({ givenName, familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
        .expect(201)
    ).body.participantId;

  beforeAll(async () => {
    harness = await start();
    const claims = {
      specialist: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' },
      otherSpecialist: { sub: 'es-jonas', agency: 'welfare-office', role: 'employment-specialist' },
      clinician: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' },
    };
    for (const [who, claim] of Object.entries(claims)) tokens[who] = await harness.token(claim);
    participantId = await refer('Kari');
    other = await refer('Ola');
    await harness.http
      .post(`/welfare-office/participants/${participantId}/enrolment`)
      .set(as('specialist'))
      .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
      .expect(201);
    await harness.http
      .post(`/welfare-office/participants/${participantId}/consents`)
      .set(as('specialist'))
      .send({ shareWith: ['mental-health', 'employer'], employerDisclosure: true })
      .expect(201);
    await harness.platform.settled();
    await harness.http
      .post(`/mental-health/participants/${participantId}/treatment-team`)
      .set(as('clinician'))
      .send({ teamName: 'DPS Lerkendal', clinicianId: 'dr-lie' })
      .expect(201);
    employerId = (await harness.http.post('/employer/employers').set(as('specialist')).send({ name: 'Lager AS', organisationNumber: '912345678' }).expect(201))
      .body.employerId;
    placementId = (
      await harness.http
        .post('/employer/placements')
        .set(as('specialist'))
        .send({ participantId, employerId, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 })
        .expect(201)
    ).body.placementId;
    tokens['employer'] = await harness.token({ sub: 'hr-a', agency: 'employer', role: 'employer', employerId });
    tokens['participant'] = await harness.token({ sub: 'kari', agency: 'participant', role: 'participant', participantId });
    await harness.platform.settled();
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await harness.stop();
  });

  describe('GET /team-view/participants', () => {
    const list = async (who: string, query = '') =>
      (await harness.http.get(`/team-view/participants${query}`).set(as(who)).expect(200)).body.participants as {
        participantId: string;
        name: unknown;
        alerts: unknown[];
      }[];

    it("lists the reader's own participants by default, with name and alerts; all lists everyone they may see", async () => {
      expect((await list('specialist')).map((p) => p.participantId)).toEqual([participantId]);
      expect((await list('specialist'))[0]).toMatchObject({ name: { givenName: 'Kari', familyName: 'Nordmann' }, phase: 'employed' });
      expect((await list('specialist', '?scope=all')).map((p) => p.participantId).sort()).toEqual([participantId, other].sort());
      expect(await list('otherSpecialist')).toEqual([]);
      expect((await list('clinician')).map((p) => p.participantId)).toEqual([participantId]);
    });

    it('lists nobody outside the sharing circle, and refuses an unknown scope with 400 problem+json', async () => {
      const clinicianAll = (await list('clinician', '?scope=all')).map((p) => p.participantId);
      expect(clinicianAll).toEqual([participantId]);
      const answer = await harness.http.get('/team-view/participants?scope=everyone').set(as('specialist')).expect(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('writes every listed participant to their access log', async () => {
      const log = (await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(as('participant')).expect(200)).body.entries as {
        who: { sub: string };
        action: string;
      }[];
      expect(log.some((entry) => entry.who.sub === 'es-ingrid' && entry.action === 'read-participant-list')).toBe(true);
      const otherLog = await harness.http
        .get(`/team-view/participants/${other}/access-log`)
        .set({ Authorization: `Bearer ${await harness.token({ sub: 'ola', agency: 'participant', role: 'participant', participantId: other })}` })
        .expect(200);
      expect((otherLog.body.entries as { who: { sub: string } }[]).some((entry) => entry.who.sub === 'dr-lie')).toBe(false);
    });
  });

  describe('GET /team-view/employer-placements', () => {
    it('gives an employer its own placements and nothing about the participant', async () => {
      const answer = await harness.http.get('/team-view/employer-placements').set(as('employer')).expect(200);
      expect(answer.body).toEqual({ placements: [{ placementId, jobTitle: 'Packer', startDate: '2026-03-02', endDate: null }] });
    });

    it('gives another employer none, and staff 403', async () => {
      const otherEmployer = (
        await harness.http.post('/employer/employers').set(as('specialist')).send({ name: 'Butikk AS', organisationNumber: '987654321' }).expect(201)
      ).body.employerId;
      const token = await harness.token({ sub: 'hr-b', agency: 'employer', role: 'employer', employerId: otherEmployer });
      expect(
        (
          await harness.http
            .get('/team-view/employer-placements')
            .set({ Authorization: `Bearer ${token}` })
            .expect(200)
        ).body,
      ).toEqual({ placements: [] });
      await harness.http.get('/team-view/employer-placements').set(as('specialist')).expect(403);
    });
  });

  describe('GET /team-view/participants/:id/stream', () => {
    it('sends a new relapse flag to the specialist in the circle, and to the participant, but never to the employer', async () => {
      const specialist = await follow('specialist');
      const employer = await follow('employer');
      const participant = await follow('participant');
      expect([specialist.status, specialist.contentType]).toEqual([200, expect.stringMatching(/text\/event-stream/)]);
      await harness.http
        .post(`/mental-health/participants/${participantId}/relapse-flags`)
        .set(as('clinician'))
        .send({ level: 'elevated', reviewBy: '2026-03-16' })
        .expect(201);
      const [entry] = await specialist.waitFor(1, 5000);
      expect(entry).toMatchObject({ event: 'timeline-entry', data: { type: 'RelapseRiskFlagRaised', agency: 'mental-health' } });
      expect((await participant.waitFor(1, 5000)).map((m) => (m.data as { type: string }).type)).toEqual(['RelapseRiskFlagRaised']);
      await harness.http
        .post(`/employer/participants/${participantId}/placements/${placementId}/follow-along-contacts`)
        .set(as('employer'))
        .send({ contactedOn: '2026-03-03', with: 'employer' })
        .expect(201);
      const employerSaw = (await employer.waitFor(1, 5000)).map((m) => (m.data as { type: string }).type);
      expect(employerSaw).toEqual(['FollowAlongContactMade']);
      expect((await specialist.waitFor(2, 5000)).map((m) => (m.data as { type: string }).type)).toEqual(['RelapseRiskFlagRaised', 'FollowAlongContactMade']);
    });

    it('sends nothing of another participant, and answers 404 problem+json for a participant the reader may not see', async () => {
      const stream = await follow('specialist');
      const refused = await follow('clinician', other);
      expect(refused.status).toBe(404);
      expect(refused.contentType).toMatch(/application\/problem\+json/);
      await harness.http
        .post(`/welfare-office/participants/${other}/enrolment`)
        .set(as('specialist'))
        .send({ employmentSpecialistId: 'es-jonas', contactPersonId: 'cw-ola' })
        .expect(201);
      await harness.platform.settled();
      expect(await stream.waitFor(1, 1000)).toEqual([]);
    });

    it('audits the stream as reads in the participant’s access log', async () => {
      const log = (await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(as('participant')).expect(200)).body.entries as {
        who: { sub: string };
        action: string;
      }[];
      expect(log.filter((entry) => entry.who.sub === 'hr-a' && entry.action === 'follow-timeline').length).toBeGreaterThanOrEqual(2);
    });
  });
});
