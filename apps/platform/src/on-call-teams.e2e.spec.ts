import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';

type Person = { readonly sub: string; readonly agency: string; readonly role: string };

/**
 * The 24/7 line's on-call teams are the programme's teams (issue 21, decision 27): shifts are scheduled on a programme
 * team, read in its time zone, for its members only; a request about a participant goes to the on-call of the
 * participant's current team (the employer service's own team directory). An on-call team defined before teams keeps
 * routing for its specialists' participants while their team has nobody on call (the upgrade path), but no new one is
 * defined once a programme team exists: 409 ON_CALL.USE_PROGRAMME_TEAMS.
 */
describeEachProfile("the contact line's on-call teams are the programme's teams", (start) => {
  let platform: TestPlatform;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const legacyTeam = randomUUID();
  const people = {
    supervisorA: { sub: 'sup-anne', agency: 'welfare-office', role: 'supervisor' },
    specialistA: { sub: 'es-arne', agency: 'welfare-office', role: 'employment-specialist' },
    caseworkerA: { sub: 'cw-astrid', agency: 'welfare-office', role: 'caseworker' },
    supervisorB: { sub: 'sup-bjorg', agency: 'welfare-office', role: 'supervisor' },
    specialistB: { sub: 'es-bard', agency: 'welfare-office', role: 'employment-specialist' },
    caseworkerB: { sub: 'cw-berit', agency: 'welfare-office', role: 'caseworker' },
    /** The specialist of the participants from before teams, on the on-call team defined then; on no programme team. */
    specialistBefore: { sub: 'es-old', agency: 'welfare-office', role: 'employment-specialist' },
    caseworkerBefore: { sub: 'cw-old', agency: 'welfare-office', role: 'caseworker' },
  } satisfies Record<string, Person>;
  type Who = keyof typeof people | 'administrator' | 'hr';
  const tokens: Partial<Record<Who, string>> = {};
  const auth = (who: Who) => ({ Authorization: `Bearer ${tokens[who] as string}` });
  const post = (route: string, body: object, who: Who) => platform.http.post(route).set(auth(who)).send(body);
  const onCall = (teamId: string) => `/employer/on-call/teams/${teamId}`;
  const shift = (workerId: string, from: string, to: string, role = 'employment-specialist') => ({ workerId, role, from, to });
  let employerId: string;

  /** A participant referred (to a team, once there are teams), enrolled and placed at the employer: its placement id. */
  const placedParticipant = async (
    teamId: string | null,
    specialist: keyof typeof people,
    caseworker: keyof typeof people,
  ): Promise<{ participantId: string; placementId: string }> => {
    const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self', ...(teamId ? { teamId } : {}) };
    const participantId = (await post('/welfare-office/referrals', person, caseworker).expect(201)).body.participantId as string;
    await platform.platform.settled();
    await post(
      `/welfare-office/participants/${participantId}/enrolment`,
      { employmentSpecialistId: people[specialist].sub, contactPersonId: people[caseworker].sub },
      caseworker,
    ).expect(201);
    await platform.platform.settled();
    const job = { participantId, employerId, jobTitle: 'Packer', startDate: '2026-02-23', hoursPerWeek: 20, hourlyWage: 230 };
    const placementId = (await post('/employer/placements', job, specialist).expect(201)).body.placementId as string;
    await platform.platform.settled();
    return { participantId, placementId };
  };

  /** Who a request about this placement is routed to at an instant. */
  const routedAt = async (instant: string, placementId: string): Promise<{ tier: string; assigneeId: string | null }> => {
    platform.clock.set(instant);
    const body = { placementId, message: 'Kari has not turned up and does not answer.', urgency: 'urgent', callbackPhone: '+4791234567' };
    const { requestId } = (await post('/employer/contact-requests', body, 'hr').expect(202)).body as { requestId: string };
    const view = (await platform.http.get(`/employer/contact-requests/${requestId}`).set(auth('supervisorA')).expect(200)).body;
    // Left open, it would escalate in a later test that moves the clock.
    await post(`/employer/contact-requests/${requestId}/resolve`, { note: 'test over' }, 'supervisorA').expect(201);
    return { tier: view.tier, assigneeId: view.assigneeId };
  };

  let beforeTeams: { participantId: string; placementId: string };
  let onA: { participantId: string; placementId: string };
  let onB: { participantId: string; placementId: string };

  beforeAll(async () => {
    platform = await start();
    platform.clock.set('2026-02-20T09:00:00.000Z');
    for (const [who, person] of Object.entries(people)) tokens[who as Who] = await platform.token(person);
    tokens.administrator = await platform.token({ sub: 'adm-1', agency: 'programme', role: 'administrator' });
    employerId = (await post('/employer/employers', { name: 'Nidar AS', organisationNumber: '912345678' }, 'supervisorA').expect(201)).body.employerId;
    tokens.hr = await platform.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId });

    // Before teams: the line's own on-call team covers es-old's participants, with es-old on call on the night of 2 March.
    await platform.http
      .put(onCall(legacyTeam))
      .set(auth('supervisorA'))
      .send({ name: 'IPS before teams', timeZone: 'Europe/Oslo', employmentSpecialistIds: [people.specialistBefore.sub] })
      .expect(200);
    await post(`${onCall(legacyTeam)}/shifts`, shift('es-old', '2026-03-02T16:00', '2026-03-03T08:00'), 'supervisorA').expect(201);
    beforeTeams = await placedParticipant(null, 'specialistBefore', 'caseworkerBefore');

    // The programme defines two teams, in two time zones.
    for (const [teamId, name, timeZone] of [
      [teamA, 'IPS Heimdal', 'Europe/Oslo'],
      [teamB, 'IPS Queens', 'America/New_York'],
    ] as const) {
      await platform.http.put(`/programme/teams/${teamId}`).set(auth('administrator')).send({ name, municipality: 'Trondheim', timeZone }).expect(201);
    }
    const members: [string, Person][] = [
      [teamA, people.supervisorA],
      [teamA, people.specialistA],
      [teamA, people.caseworkerA],
      [teamB, people.supervisorB],
      [teamB, people.specialistB],
      [teamB, people.caseworkerB],
      // The participants from before teams are on the default team: the upgrade step names its members.
      [teamA, people.caseworkerBefore],
    ];
    for (const [teamId, { sub, agency, role }] of members) {
      await platform.http.post(`/programme/teams/${teamId}/members`).set(auth('administrator')).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    await platform.platform.settled();
    onA = await placedParticipant(teamA, 'specialistA', 'caseworkerA');
    onB = await placedParticipant(teamB, 'specialistB', 'caseworkerB');
  }, 120_000);
  afterAll(() => platform?.stop());

  it('schedules shifts on a programme team in its own time zone, for its members only (422 TEAM.NOT_A_MEMBER naming workerId)', async () => {
    // 2 March, evening to morning in each team's own zone.
    await post(`${onCall(teamA)}/shifts`, shift('es-arne', '2026-03-02T16:00', '2026-03-03T08:00'), 'supervisorA').expect(201);
    await post(`${onCall(teamB)}/shifts`, shift('es-bard', '2026-03-02T16:00', '2026-03-03T08:00'), 'supervisorB').expect(201);
    await post(`${onCall(teamA)}/shifts`, shift('sup-anne', '2026-03-02T16:00', '2026-03-03T08:00', 'supervisor'), 'supervisorA').expect(201);

    for (const [body, who] of [
      [shift('es-bard', '2026-03-04T16:00', '2026-03-05T08:00'), 'supervisorA'],
      [shift('cw-astrid', '2026-03-04T16:00', '2026-03-05T08:00'), 'supervisorA'],
      [shift('es-arne', '2026-03-04T16:00', '2026-03-05T08:00', 'supervisor'), 'supervisorA'],
      [shift('es-old', '2026-03-04T16:00', '2026-03-05T08:00'), 'supervisorA'],
    ] as const) {
      const refused = await post(`${onCall(teamA)}/shifts`, body, who).expect(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(new RegExp(`^workerId: ${body.workerId} `)) });
    }

    const { body } = await platform.http
      .get(`${onCall(teamB)}?at=2026-03-02T22:00:00Z`)
      .set(auth('supervisorB'))
      .expect(200);
    expect(body).toMatchObject({ teamId: teamB, name: 'IPS Queens', timeZone: 'America/New_York', programmeTeam: true });
    expect(body.onCall).toEqual({ 'employment-specialist': 'es-bard', supervisor: null });
    expect(body.shifts).toEqual([expect.objectContaining({ workerId: 'es-bard', from: '2026-03-02T21:00:00.000Z', fromLocal: '2026-03-02T16:00-05:00' })]);
  });

  it("routes a request about team A's participant to A's on-call, and about team B's to B's", async () => {
    // 22:00 in Oslo (21:00 UTC): A's evening; 16:00 in New York: B's shift has just begun.
    expect(await routedAt('2026-03-02T21:00:00.000Z', onA.placementId)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-arne' });
    expect(await routedAt('2026-03-02T21:00:00.000Z', onB.placementId)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-bard' });
    // 20:30 UTC: B's shift (16:00 in New York) has not begun, B has nobody on call; A's has.
    expect(await routedAt('2026-03-02T20:30:00.000Z', onA.placementId)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-arne' });
    expect((await routedAt('2026-03-02T20:30:00.000Z', onB.placementId)).assigneeId).not.toBe('es-arne');
  });

  it('keeps the on-call team from before teams routing for its participants (the upgrade path)', async () => {
    // The participant from before teams is on the default team, which has no on-call: es-old's team from before takes it.
    expect(await routedAt('2026-03-02T21:00:00.000Z', beforeTeams.placementId)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-old' });
  });

  it('takes no new on-call team of its own, nor shifts on one from before, once the programme has teams (409 ON_CALL.USE_PROGRAMME_TEAMS)', async () => {
    for (const teamId of [legacyTeam, randomUUID()]) {
      const refused = await platform.http
        .put(onCall(teamId))
        .set(auth('supervisorA'))
        .send({ name: 'IPS before teams', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-old', 'es-arne'] })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'ON_CALL.USE_PROGRAMME_TEAMS', detail: expect.stringContaining('/programme/teams') });
    }
    const shiftOnOld = await post(`${onCall(legacyTeam)}/shifts`, shift('es-old', '2026-03-04T16:00', '2026-03-05T08:00'), 'supervisorA').expect(409);
    expect(shiftOnOld.body.code).toBe('ON_CALL.USE_PROGRAMME_TEAMS');
    // The team from before is still there, as it was.
    const { body } = await platform.http
      .get(`${onCall(legacyTeam)}?at=2026-03-02T21:00:00Z`)
      .set(auth('supervisorA'))
      .expect(200);
    expect(body).toMatchObject({ programmeTeam: false, employmentSpecialistIds: ['es-old'], onCall: { 'employment-specialist': 'es-old' } });
  });

  it("follows the participant: after a transfer A → B, a request goes to B's on-call", async () => {
    platform.clock.set('2026-03-02T12:00:00.000Z');
    await post(`/welfare-office/participants/${onA.participantId}/transfer`, { toTeamId: teamB, reason: 'Moved to Queens' }, 'caseworkerA').expect(201);
    await platform.platform.settled();
    expect(await routedAt('2026-03-02T21:00:00.000Z', onA.placementId)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-bard' });
  });
});
