import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';

type Person = { readonly sub: string; readonly agency: string; readonly role: string };

interface GrantView {
  grantId: string;
  participantId: string;
  holder: { sub: string; displayName: string | null };
  reasonCode: string;
  reason: string;
  until: string;
  endedAt: string | null;
  status: string;
  review: { note: string } | null;
}

/**
 * Emergency access ("break the glass", decision 30): staff outside a participant's team open that one record with a
 * reason for a limited time (4 hours by default); the participant sees it in their access log, the team's supervisors
 * review it. Time moves by the injected clock.
 */
describeEachProfile('emergency access: one record, with a reason, for a limited time', (start) => {
  let platform: TestPlatform;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const people = {
    caseworkerA: { sub: 'cw-anne', agency: 'welfare-office', role: 'caseworker' },
    supervisorA: { sub: 'sup-arne', agency: 'welfare-office', role: 'supervisor' },
    caseworkerB: { sub: 'cw-bjorn', agency: 'welfare-office', role: 'caseworker' },
    supervisorB: { sub: 'sup-berit', agency: 'welfare-office', role: 'supervisor' },
    /** On no team at all: a clinician on the acute ward. */
    wardClinician: { sub: 'dr-holm', agency: 'mental-health', role: 'clinician' },
  } satisfies Record<string, Person>;
  const displayNames: Record<string, string> = { 'cw-anne': 'Anne Aas', 'sup-arne': 'Arne Berg', 'cw-bjorn': 'Bjørn Dahl', 'sup-berit': 'Berit Lund' };
  const tokens: Partial<Record<keyof typeof people | 'participant', string>> = {};
  const auth = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who] as string}` });
  const refused = { status: 404, code: 'PARTICIPANT.NOT_FOUND', detail: 'no participant with this id that you may see' };
  let participantId: string;

  const summary = (who: keyof typeof people) => platform.http.get(`/team-view/participants/${participantId}`).set(auth(who));
  const timeline = (who: keyof typeof people) => platform.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(who));
  const stream = async (who: keyof typeof people): Promise<number> => {
    const abort = new AbortController();
    const answer = await fetch(`${platform.platform.url}/team-view/participants/${participantId}/stream`, { headers: auth(who), signal: abort.signal });
    abort.abort();
    return answer.status;
  };
  const breakGlass = (who: keyof typeof people, body: object, id = participantId) =>
    platform.http.post(`/team-view/participants/${id}/emergency-access`).set(auth(who)).send(body);
  const reviewList = (who: keyof typeof people, query = '') => platform.http.get(`/team-view/emergency-access${query}`).set(auth(who));
  const urgent = { reasonCode: 'urgent-care', reason: 'Admitted to the acute ward tonight; her team is unreachable and we need the crisis plan.' };
  const at = (iso: string) => platform.clock.set(iso);

  beforeAll(async () => {
    platform = await start();
    for (const [who, person] of Object.entries(people)) tokens[who as keyof typeof people] = await platform.token(person);
    const administrator = { Authorization: `Bearer ${await platform.token({ sub: 'adm-1', agency: 'programme', role: 'administrator' })}` };
    for (const [teamId, name] of [
      [teamA, 'IPS Heimdal'],
      [teamB, 'IPS Sentrum'],
    ] as const) {
      await platform.http.put(`/programme/teams/${teamId}`).set(administrator).send({ name, municipality: 'Trondheim', timeZone: 'Europe/Oslo' }).expect(201);
    }
    const members: [string, Person][] = [
      [teamA, people.caseworkerA],
      [teamA, people.supervisorA],
      [teamB, people.caseworkerB],
      [teamB, people.supervisorB],
    ];
    for (const [teamId, { sub, agency, role }] of members) {
      await platform.http.post(`/programme/teams/${teamId}/members`).set(administrator).send({ sub, displayName: displayNames[sub], agency, role }).expect(201);
    }
    await platform.platform.settled();
    const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self', teamId: teamB };
    participantId = (await platform.http.post('/welfare-office/referrals').set(auth('caseworkerB')).send(person).expect(201)).body.participantId as string;
    tokens.participant = await platform.token({ sub: 'kari', agency: 'participant', role: 'participant', participantId });
    // She shares her record with the mental-health service and the municipality: what a ward clinician reads is hers to share.
    await platform.http
      .post(`/welfare-office/participants/${participantId}/consents`)
      .set(auth('caseworkerB'))
      .send({ shareWith: ['mental-health', 'municipality'], employerDisclosure: false })
      .expect(201);
    await platform.platform.settled();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('bad input changes nothing: a reason missing, blank or too long, an unknown code, an end in the past or too far ahead', async () => {
    at('2026-03-02T09:00:00.000Z');
    const cases: [object, number, string][] = [
      [{ reasonCode: 'urgent-care' }, 400, 'REQUEST.INVALID'],
      [{ reasonCode: 'urgent-care', reason: '   ' }, 400, 'REQUEST.INVALID'],
      [{ reasonCode: 'urgent-care', reason: 'x'.repeat(501) }, 400, 'REQUEST.INVALID'],
      [{ reasonCode: 'curious', reason: 'just looking' }, 400, 'REQUEST.INVALID'],
      [{ reason: 'no code' }, 400, 'REQUEST.INVALID'],
      [{ ...urgent, until: 'tomorrow' }, 400, 'REQUEST.INVALID'],
      [{ ...urgent, until: '2026-03-02T08:59:00.000Z' }, 422, 'EMERGENCY_ACCESS.UNTIL_NOT_AHEAD'],
      [{ ...urgent, until: '2026-03-03T09:00:01.000Z' }, 422, 'EMERGENCY_ACCESS.TOO_LONG'],
      [{ ...urgent, extra: true }, 400, 'REQUEST.INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await breakGlass('caseworkerA', body).expect(status);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(answer.body).toMatchObject({ status, code });
    }
    expect((await breakGlass('caseworkerA', urgent, randomUUID()).expect(404)).body).toMatchObject({ code: 'PARTICIPANT.NOT_FOUND' });
    // Someone who works with the participant needs none.
    expect((await breakGlass('caseworkerB', urgent).expect(409)).body).toMatchObject({ code: 'EMERGENCY_ACCESS.NOT_NEEDED' });
    expect((await reviewList('supervisorB').expect(200)).body).toEqual({ grants: [] });
    expect((await reviewList('caseworkerA').expect(200)).body).toEqual({ grants: [] });
    await summary('caseworkerA').expect(404);
  });

  it('grant-emergency-access: opens the record to read for 4 hours, never to write, then closes it', async () => {
    at('2026-03-02T22:00:00.000Z');
    expect((await summary('wardClinician').expect(404)).body).toMatchObject(refused);
    const granted = await breakGlass('wardClinician', urgent).expect(201);
    expect(granted.body).toEqual({ grantId: expect.any(String), participantId, until: '2026-03-03T02:00:00.000Z' });
    expect((await breakGlass('wardClinician', urgent).expect(409)).body).toMatchObject({ code: 'EMERGENCY_ACCESS.ALREADY_OPEN' });

    await summary('wardClinician').expect(200);
    await timeline('wardClinician').expect(200);
    expect(await stream('wardClinician')).toBe(200);
    // Never a write: the welfare office's routes do not count an emergency access.
    const write = await platform.http
      .post(`/welfare-office/participants/${participantId}/contacts`)
      .set(auth('wardClinician'))
      .send({ contactedOn: '2026-03-02', mode: 'phone', inCommunity: false });
    expect(write.status).toBe(403); // a clinician may not record welfare-office contacts at all
    // And nobody else's: a caseworker of team A still gets the 404.
    expect((await summary('caseworkerA').expect(404)).body).toMatchObject(refused);

    at('2026-03-03T01:59:59.000Z');
    await summary('wardClinician').expect(200);
    at('2026-03-03T02:00:00.000Z');
    expect((await summary('wardClinician').expect(404)).body).toMatchObject(refused);
    expect((await timeline('wardClinician').expect(404)).body).toMatchObject(refused);
    expect(await stream('wardClinician')).toBe(404);
    expect(
      (await platform.http.post(`/team-view/emergency-access/${granted.body.grantId}/end`).set(auth('wardClinician')).send({}).expect(409)).body,
    ).toMatchObject({
      code: 'EMERGENCY_ACCESS.ENDED',
    });
  });

  it('end-emergency-access: its holder ends it early; nobody else can', async () => {
    at('2026-03-03T10:00:00.000Z');
    const { grantId } = (
      await breakGlass('caseworkerA', {
        reasonCode: 'contact-line',
        reason: 'Her employer called the 24/7 line; her specialist is away.',
        until: '2026-03-03T12:00:00+01:00',
      }).expect(201)
    ).body as { grantId: string };
    const write = await platform.http
      .post(`/welfare-office/participants/${participantId}/contacts`)
      .set(auth('caseworkerA'))
      .send({ contactedOn: '2026-03-03', mode: 'phone', inCommunity: false });
    expect(write.status).toBe(404); // a write is not opened by an emergency access
    await summary('caseworkerA').expect(200);
    expect((await platform.http.post(`/team-view/emergency-access/${grantId}/end`).set(auth('caseworkerB')).send({}).expect(404)).body).toMatchObject({
      code: 'EMERGENCY_ACCESS.NOT_FOUND',
    });
    at('2026-03-03T10:05:00.000Z');
    expect((await platform.http.post(`/team-view/emergency-access/${grantId}/end`).set(auth('caseworkerA')).send({}).expect(201)).body).toEqual({
      grantId,
      endedAt: '2026-03-03T10:05:00.000Z',
    });
    expect((await summary('caseworkerA').expect(404)).body).toMatchObject(refused);
    await platform.platform.settled();
  });

  it("is in the participant's own access log: who, why, until when, and the reads made through it", async () => {
    at('2026-03-03T12:00:00.000Z');
    const log = (await platform.http.get(`/team-view/participants/${participantId}/access-log`).set(auth('participant')).expect(200)).body as {
      entries: { who: { sub: string; displayName?: string }; action: string; outcome: string; emergencyAccess?: string }[];
      emergencyAccess: (GrantView & { reviewed: unknown })[];
    };
    expect(log.emergencyAccess.map((grant) => [grant.holder.sub, grant.reasonCode, grant.status])).toEqual([
      ['dr-holm', 'urgent-care', 'expired'],
      ['cw-anne', 'contact-line', 'ended'],
    ]);
    expect(log.emergencyAccess[0]?.reason).toBe(urgent.reason);
    expect(log.emergencyAccess[1]?.holder.displayName).toBe('Anne Aas');
    const anne = log.entries.filter((entry) => entry.who.sub === 'cw-anne');
    expect(anne.map((entry) => [entry.action, entry.outcome, entry.emergencyAccess !== undefined])).toEqual(
      expect.arrayContaining([
        ['read-summary', 'denied', false],
        ['emergency-access-granted', 'granted', true],
        ['read-summary', 'allowed', true],
        ['emergency-access-ended', 'ended', true],
      ]),
    );
    expect(anne.every((entry) => entry.who.displayName === 'Anne Aas')).toBe(true);
  });

  it("review-emergency-access: is on the review list of the supervisors of the participant's team, who mark it reviewed with a note", async () => {
    const list = (await reviewList('supervisorB').expect(200)).body as { grants: GrantView[] };
    expect(list.grants.map((grant) => [grant.holder.sub, grant.status, grant.review])).toEqual([
      ['cw-anne', 'ended', null],
      ['dr-holm', 'expired', null],
    ]);
    const [anne, holm] = list.grants as [GrantView, GrantView];
    // Another team's supervisor, a caseworker of the team, the holder: not theirs to review.
    expect((await reviewList('supervisorA', `?team=${teamB}`).expect(404)).body).toMatchObject({ code: 'TEAM.NOT_FOUND' });
    expect((await reviewList('supervisorA').expect(200)).body).toEqual({ grants: [] });
    expect((await reviewList('caseworkerA').expect(200)).body.grants.map((grant: GrantView) => grant.grantId)).toEqual([anne.grantId]);
    const review = (who: keyof typeof people, grantId: string, body: object) =>
      platform.http.post(`/team-view/emergency-access/${grantId}/review`).set(auth(who)).send(body);
    expect((await review('supervisorA', holm.grantId, { note: 'ok' }).expect(404)).body).toMatchObject({ code: 'EMERGENCY_ACCESS.NOT_FOUND' });
    await review('caseworkerB', holm.grantId, { note: 'ok' }).expect(403);
    expect((await review('supervisorB', holm.grantId, {}).expect(400)).body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect((await review('supervisorB', holm.grantId, { note: 'n'.repeat(1001) }).expect(400)).body).toMatchObject({ code: 'REQUEST.INVALID' });

    at('2026-03-03T13:00:00.000Z');
    const reviewed = (await review('supervisorB', holm.grantId, { note: 'Justified: admitted at 23:10, crisis plan needed.' }).expect(201)).body as GrantView;
    expect(reviewed.review).toMatchObject({
      note: 'Justified: admitted at 23:10, crisis plan needed.',
      at: '2026-03-03T13:00:00.000Z',
      by: { sub: 'sup-berit' },
    });
    expect((await review('supervisorB', holm.grantId, { note: 'again' }).expect(409)).body).toMatchObject({ code: 'EMERGENCY_ACCESS.ALREADY_REVIEWED' });
    expect(((await reviewList('supervisorB', '?reviewed=false').expect(200)).body as { grants: GrantView[] }).grants.map((grant) => grant.grantId)).toEqual([
      anne.grantId,
    ]);
    expect(
      ((await reviewList('supervisorB', `?team=${teamB}&reviewed=true`).expect(200)).body as { grants: GrantView[] }).grants.map((grant) => grant.grantId),
    ).toEqual([holm.grantId]);
    await reviewList('supervisorB', '?reviewed=maybe').expect(400);

    // The participant sees that it was reviewed, not the supervisor's note.
    const own = (await platform.http.get(`/team-view/participants/${participantId}/access-log`).set(auth('participant')).expect(200)).body as {
      emergencyAccess: { grantId: string; reviewed: { at: string; note?: string } | null }[];
    };
    expect(own.emergencyAccess.find((grant) => grant.grantId === holm.grantId)?.reviewed).toEqual({
      at: '2026-03-03T13:00:00.000Z',
      by: expect.objectContaining({ sub: 'sup-berit', displayName: 'Berit Lund' }),
    });
  });
});
