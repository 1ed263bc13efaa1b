import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';
import { SseClient } from './testing/sse-client';

type Person = { readonly sub: string; readonly agency: string; readonly role: string };

/**
 * Work need (decision 28): staff see and write a participant only while they are a member of the participant's current
 * team, or named on the record; anyone else gets the 404 of an unknown participant, from the auth guard, and a refused
 * read of the team view is in the participant's access log as denied. The directory is eventually consistent in the
 * distributed profile: every step waits for the platform to settle.
 */
describeEachProfile('work need: staff see the participants of their team, or where they are named', (start) => {
  let platform: TestPlatform;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const people = {
    caseworkerA: { sub: 'cw-anne', agency: 'welfare-office', role: 'caseworker' },
    caseworkerB: { sub: 'cw-bjorn', agency: 'welfare-office', role: 'caseworker' },
    supervisorB: { sub: 'sup-berit', agency: 'welfare-office', role: 'supervisor' },
    clinicianB: { sub: 'dr-bakke', agency: 'mental-health', role: 'clinician' },
    /** Named on a treatment team, on no team. */
    namedClinician: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' },
    otherClinician: { sub: 'dr-holm', agency: 'mental-health', role: 'clinician' },
  } satisfies Record<string, Person>;
  /** Named on the enrolments: members of both teams (a name is picked from the team's members), who never call here. */
  const namedOnEnrolment = [
    { sub: 'es-named', agency: 'welfare-office', role: 'employment-specialist' },
    { sub: 'cw-named', agency: 'welfare-office', role: 'caseworker' },
  ] satisfies Person[];
  let administrator: { Authorization: string };
  /** A person's time on a team that starts and ends today: they may be named today, and have no membership after. */
  const memberForTheDay = async (teamId: string, { sub, agency, role }: Person, name: () => Promise<unknown>) => {
    await platform.http.post(`/programme/teams/${teamId}/members`).set(administrator).send({ sub, displayName: sub, agency, role }).expect(201);
    await platform.platform.settled();
    await name();
    await platform.http.post(`/programme/teams/${teamId}/members/${sub}/end`).set(administrator).send({}).expect(201);
    await platform.platform.settled();
  };
  const tokens: Partial<Record<keyof typeof people, string>> = {};
  const auth = (who: keyof typeof people) => ({ Authorization: `Bearer ${tokens[who] as string}` });
  const refused = { status: 404, code: 'PARTICIPANT.NOT_FOUND', detail: 'no participant with this id that you may see' };

  const summary = (who: keyof typeof people, participantId: string) => platform.http.get(`/team-view/participants/${participantId}`).set(auth(who));
  const timeline = (who: keyof typeof people, participantId: string) => platform.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(who));
  const contact = (who: keyof typeof people, participantId: string) =>
    platform.http
      .post(`/welfare-office/participants/${participantId}/contacts`)
      .set(auth(who))
      .send({ contactedOn: '2026-03-01', mode: 'phone', inCommunity: false });
  /** The live stream's status (and problem, when refused); a stream that opens is closed at once. */
  const stream = async (who: keyof typeof people, participantId: string): Promise<{ status: number; body?: unknown }> => {
    const abort = new AbortController();
    const answer = await fetch(`${platform.platform.url}/team-view/participants/${participantId}/stream`, { headers: auth(who), signal: abort.signal });
    const body = answer.status === 200 ? undefined : ((await answer.json()) as unknown);
    abort.abort();
    return { status: answer.status, ...(body === undefined ? {} : { body }) };
  };
  const refer = async (who: keyof typeof people, teamId: string): Promise<string> => {
    const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self', teamId };
    const participantId = (await platform.http.post('/welfare-office/referrals').set(auth(who)).send(person).expect(201)).body.participantId as string;
    await platform.platform.settled();
    // Named: people who never call here (members of both teams), so membership alone decides for the callers.
    await platform.http
      .post(`/welfare-office/participants/${participantId}/enrolment`)
      .set(auth(who))
      .send({ employmentSpecialistId: 'es-named', contactPersonId: 'cw-named' })
      .expect(201);
    await platform.platform.settled();
    return participantId;
  };

  let onA: string;
  let onB: string;

  beforeAll(async () => {
    platform = await start();
    for (const [who, person] of Object.entries(people)) tokens[who as keyof typeof people] = await platform.token(person);
    administrator = { Authorization: `Bearer ${await platform.token({ sub: 'adm-1', agency: 'programme', role: 'administrator' })}` };
    for (const [teamId, name] of [
      [teamA, 'IPS Heimdal'],
      [teamB, 'IPS Sentrum'],
    ] as const) {
      await platform.http.put(`/programme/teams/${teamId}`).set(administrator).send({ name, municipality: 'Trondheim', timeZone: 'Europe/Oslo' }).expect(201);
    }
    const members: [string, Person][] = [
      [teamA, people.caseworkerA],
      [teamB, people.caseworkerB],
      [teamB, people.supervisorB],
      [teamB, people.clinicianB],
      ...namedOnEnrolment.flatMap((person): [string, Person][] => [
        [teamA, person],
        [teamB, person],
      ]),
    ];
    for (const [teamId, { sub, agency, role }] of members) {
      await platform.http.post(`/programme/teams/${teamId}/members`).set(administrator).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    await platform.platform.settled();
    onA = await refer('caseworkerA', teamA);
    onB = await refer('caseworkerB', teamB);
  });
  const opened: SseClient[] = [];
  const follow = async (who: keyof typeof people, participantId: string): Promise<SseClient> => {
    const client = await SseClient.open(`${platform.platform.url}/team-view/participants/${participantId}/stream`, tokens[who] as string);
    opened.push(client);
    expect(client.status).toBe(200);
    return client;
  };
  afterAll(async () => {
    for (const client of opened) client.close();
    await platform?.stop();
  });

  it("a caseworker of team A gets the unknown participant's 404 on team B's participant; a member of B does not", async () => {
    expect((await summary('caseworkerA', onB).expect(404)).body).toMatchObject(refused);
    expect((await timeline('caseworkerA', onB).expect(404)).body).toMatchObject(refused);
    expect(await stream('caseworkerA', onB)).toEqual({ status: 404, body: expect.objectContaining(refused) });
    expect((await contact('caseworkerA', onB).expect(404)).body).toMatchObject(refused);
    // Indistinguishable from a participant that does not exist (but for `instance`, the path asked), read or write.
    const withoutInstance = ({ instance: _, ...problem }: Record<string, unknown>) => problem;
    const unknownId = randomUUID();
    expect(withoutInstance((await summary('caseworkerA', onB).expect(404)).body)).toEqual(
      withoutInstance((await summary('caseworkerA', unknownId).expect(404)).body),
    );
    expect(withoutInstance((await contact('caseworkerA', onB).expect(404)).body)).toEqual(
      withoutInstance((await contact('caseworkerA', unknownId).expect(404)).body),
    );

    await summary('caseworkerB', onB).expect(200);
    await timeline('caseworkerB', onB).expect(200);
    expect((await stream('caseworkerB', onB)).status).toBe(200);
    await contact('caseworkerB', onB).expect(201);
    await platform.platform.settled();
  });

  it("writes a refused read in the participant's access log as denied", async () => {
    const log = (await platform.http.get(`/team-view/participants/${onB}/access-log`).set(auth('supervisorB')).expect(200)).body as {
      entries: { who: { sub: string }; action: string; outcome: string }[];
    };
    const byA = log.entries.filter((entry) => entry.who.sub === people.caseworkerA.sub);
    expect(byA.map((entry) => [entry.action, entry.outcome])).toEqual(
      expect.arrayContaining([
        ['read-summary', 'denied'],
        ['read-timeline', 'denied'],
        ['follow-timeline', 'denied'],
      ]),
    );
    expect(byA.every((entry) => entry.outcome === 'denied')).toBe(true);
  });

  it("leaves a malformed id to the route's own 400", async () => {
    const answer = await summary('caseworkerA', 'not-a-uuid').expect(400);
    expect(answer.body.code).toBe('REQUEST.INVALID_ID');
  });

  it("after a transfer A → B, A's members lose the participant and B's gain it", async () => {
    await summary('caseworkerA', onA).expect(200);
    expect((await summary('caseworkerB', onA).expect(404)).body).toMatchObject(refused);
    expect((await contact('caseworkerB', onA).expect(404)).body).toMatchObject(refused);
    // A's caseworker follows the participant live, and is still following when the transfer happens.
    const followedByA = await follow('caseworkerA', onA);

    await platform.http
      .post(`/welfare-office/participants/${onA}/transfer`)
      .set(auth('caseworkerA'))
      .send({ toTeamId: teamB, reason: 'Moved to the city centre' })
      .expect(201);
    await platform.platform.settled();

    expect((await summary('caseworkerA', onA).expect(404)).body).toMatchObject(refused);
    expect((await timeline('caseworkerA', onA).expect(404)).body).toMatchObject(refused);
    expect(await stream('caseworkerA', onA)).toEqual({ status: 404, body: expect.objectContaining(refused) });
    expect((await contact('caseworkerA', onA).expect(404)).body).toMatchObject(refused);
    await summary('caseworkerB', onA).expect(200);
    await timeline('caseworkerB', onA).expect(200);
    expect((await stream('caseworkerB', onA)).status).toBe(200);
    const followedByB = await follow('caseworkerB', onA);
    const seenByA = followedByA.messages.length;
    await contact('caseworkerB', onA).expect(201);
    await platform.platform.settled();
    // The stream A opened before the transfer stays silent: work need is checked again for every entry.
    expect((await followedByB.waitFor(1, 5_000)).length).toBeGreaterThanOrEqual(1);
    expect((await followedByA.waitFor(seenByA + 1, 500)).length).toBe(seenByA);
  });

  it('a clinician named on the treatment team while on the team keeps access while named, on no team', async () => {
    expect((await summary('namedClinician', onB).expect(404)).body).toMatchObject(refused);
    // A name is picked from the team's members: named on their one day on team B, on no team after it.
    await memberForTheDay(teamB, people.namedClinician, () =>
      platform.http
        .post(`/mental-health/participants/${onB}/treatment-team`)
        .set(auth('clinicianB'))
        .send({ teamName: 'DPS Nidaros', clinicianId: people.namedClinician.sub })
        .expect(201),
    );

    await summary('namedClinician', onB).expect(200);
    await timeline('namedClinician', onB).expect(200);
    expect((await stream('namedClinician', onB)).status).toBe(200);
    expect((await summary('otherClinician', onB).expect(404)).body).toMatchObject(refused);

    // Another clinician is named in their place: the first is no longer named, and has no other relation.
    await memberForTheDay(teamB, people.otherClinician, () =>
      platform.http
        .post(`/mental-health/participants/${onB}/treatment-team`)
        .set(auth('clinicianB'))
        .send({ teamName: 'DPS Nidaros', clinicianId: people.otherClinician.sub })
        .expect(201),
    );
    expect((await summary('namedClinician', onB).expect(404)).body).toMatchObject(refused);
    await summary('otherClinician', onB).expect(200);
  });
});
