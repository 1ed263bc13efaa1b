import { randomUUID } from 'node:crypto';
import { SqlDriver } from '@ips/postgres';
import { TEAM_VIEW_DB } from '@ips/team-view';
import { PlatformHarness } from './testing/platform-harness';
import { TestPlatform, describeEachProfile } from './testing/profiles';

/** Retries until `check` passes (the distributed profile's services hear each other through Kafka), 30 s at most. */
async function eventually<T>(check: () => Promise<T>): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A programme coordinator's figures across teams (issue 21, item 6): two teams, Alna with 6 participants in work and
 * Bærum with 2. Per team and in total; Bærum's counts are "<5" and Alna's the second cells, so the total does not
 * give Bærum's back; no participant id, name or date of birth anywhere in the JSON, the CSV or the printed report.
 * Distributed, the gateway sends /programme/outcomes and /programme/fidelity to the team view.
 */
describeEachProfile('figures across teams for a programme coordinator', (start) => {
  let harness: TestPlatform;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const alna = randomUUID();
  const baerum = randomUUID();
  const tokens: Record<string, string> = {};
  /** Every participant of the test data, as referred: to search the answers for. */
  const people: { participantId: string; givenName: string; familyName: string; birthDate: string }[] = [];
  const staff = {
    'cw-a': { agency: 'welfare-office', role: 'caseworker', team: alna },
    'es-a': { agency: 'welfare-office', role: 'employment-specialist', team: alna },
    'cw-b': { agency: 'welfare-office', role: 'caseworker', team: baerum },
    'es-b': { agency: 'welfare-office', role: 'employment-specialist', team: baerum },
    'sup-a': { agency: 'welfare-office', role: 'supervisor', team: alna },
  } as const;

  const settled = async () => {
    if (harness instanceof PlatformHarness) await harness.platform.settled();
  };
  const teamViewDb = (): SqlDriver =>
    harness instanceof PlatformHarness
      ? harness.platform.app.get(TEAM_VIEW_DB, { strict: false })
      : (harness.platform.services.get('team-view')?.app.get(TEAM_VIEW_DB, { strict: false }) as SqlDriver);
  const coordinator = () => auth(tokens['coordinator'] as string);
  const get = async (route: string, accept = 'application/json') => {
    await settled();
    return harness.http.get(route).set(coordinator()).set('Accept', accept);
  };

  const referAndPlace = async (n: number, caseworker: 'cw-a' | 'cw-b', specialist: 'es-a' | 'es-b', teamId: string, employerId: string) => {
    const person = { givenName: `Xenia${n}`, familyName: `Quistgaard${n}`, birthDate: `1991-0${1 + (n % 9)}-1${n % 10}` };
    const { body } = await eventually(() =>
      harness.http
        .post('/welfare-office/referrals')
        .set(auth(tokens[caseworker] as string))
        .send({ ...person, referredBy: 'self', teamId })
        .expect(201),
    );
    const participantId = body.participantId as string;
    people.push({ participantId, ...person });
    await settled();
    await eventually(() =>
      harness.http
        .post(`/welfare-office/participants/${participantId}/enrolment`)
        .set(auth(tokens[caseworker] as string))
        .send({ employmentSpecialistId: specialist, contactPersonId: caseworker })
        .expect(201),
    );
    await settled();
    await eventually(() =>
      harness.http
        .post('/employer/placements')
        .set(auth(tokens[specialist] as string))
        .send({ participantId, employerId, jobTitle: 'Lagermedarbeider', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 })
        .expect(201),
    );
  };

  beforeAll(async () => {
    harness = await start();
    const administrator = await harness.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    tokens['coordinator'] = await harness.token({ sub: 'coord-kari', agency: 'programme', role: 'coordinator' });
    for (const [teamId, name, municipality] of [
      [alna, 'IPS Alna', 'Oslo'],
      [baerum, 'IPS Bærum', 'Bærum'],
    ]) {
      await harness.http.put(`/programme/teams/${teamId}`).set(auth(administrator)).send({ name, municipality, timeZone: 'Europe/Oslo' }).expect(201);
    }
    for (const [sub, { agency, role, team }] of Object.entries(staff)) {
      tokens[sub] = await harness.token({ sub, agency, role });
      await harness.http.post(`/programme/teams/${team}/members`).set(auth(administrator)).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    const employerId = (
      await harness.http
        .post('/employer/employers')
        .set(auth(tokens['es-a'] as string))
        .send({ name: 'Lager AS', organisationNumber: '912345678' })
        .expect(201)
    ).body.employerId as string;
    for (let n = 0; n < 6; n++) await referAndPlace(n, 'cw-a', 'es-a', alna, employerId);
    for (let n = 6; n < 8; n++) await referAndPlace(n, 'cw-b', 'es-b', baerum, employerId);
    // The team view has every job start of both teams.
    await eventually(async () => {
      const { body } = await get('/programme/outcomes?quarter=2026-Q1');
      expect(body.total.participantsEmployed).toBe(8);
    });
  }, 180_000);
  afterAll(() => harness.stop());

  it('shows the quarter per team and in total, Bærum\'s small counts as "<5" and Alna\'s as the second cells', async () => {
    const { body, status } = await get('/programme/outcomes?quarter=2026-Q1');
    expect(status).toBe(200);
    expect(body.quarter).toBe('2026-Q1');
    expect(body.suppression).toMatchObject({ threshold: 5, smallCell: '<5', secondary: 'suppressed' });
    expect(body.teams.map((team: { name: string }) => team.name)).toEqual(['IPS Alna', 'IPS Bærum']);
    const [teamA, teamB] = body.teams;
    expect(teamA).toMatchObject({
      teamId: alna,
      municipality: 'Oslo',
      // 6 of 8 would give Bærum's 2 back from the total: hidden as the second cells.
      participantsServed: 'suppressed',
      participantsEmployed: 'suppressed',
      employmentRate: 'suppressed',
      band: 'suppressed',
      jobStarts: { first: 'suppressed', later: 0 },
      steadyWorkers: 'suppressed',
      // Over 6 participants, a mean or median gives no count back.
      averageHoursPerWeek: 20,
      averageHourlyWage: 230,
      medianDaysToFirstJob: 0,
      medianLengthOfStayDays: null,
    });
    expect(teamB).toMatchObject({
      teamId: baerum,
      municipality: 'Bærum',
      participantsServed: '<5',
      participantsEmployed: '<5',
      employmentRate: '<5',
      band: '<5',
      jobStarts: { first: '<5', later: 0 },
      steadyWorkers: '<5',
      averageHoursPerWeek: '<5',
      averageHourlyWage: '<5',
      medianDaysToFirstJob: '<5',
    });
    expect(body.total).toMatchObject({
      teams: 2,
      participantsServed: 8,
      participantsEmployed: 8,
      employmentRate: 1,
      band: 'excellent',
      jobStarts: { first: 8, later: 0 },
      steadyWorkers: 8,
      steadyWorkerRate: 1,
      averageHoursPerWeek: 20,
    });
  });

  it('narrows to the teams asked for, suppressed as in the table of every team, so that no two answers give Bærum away', async () => {
    // Alna alone: its 6 stay hidden (with the total of both teams, 8, they would give Bærum's 2), and so does the
    // total of the one team.
    const { body } = await get(`/programme/outcomes?quarter=2026-Q1&teams=${alna}`);
    expect(body.teams).toHaveLength(1);
    expect(body.teams[0]).toMatchObject({ teamId: alna, participantsServed: 'suppressed', participantsEmployed: 'suppressed', employmentRate: 'suppressed' });
    expect(body.total).toMatchObject({
      teams: 1,
      participantsServed: 'suppressed',
      participantsEmployed: 'suppressed',
      employmentRate: 'suppressed',
      averageHoursPerWeek: 20,
    });
    const baerumAlone = await get(`/programme/outcomes?quarter=2026-Q1&teams=${baerum}`);
    expect(baerumAlone.body.total).toMatchObject({ teams: 1, participantsServed: '<5', participantsEmployed: '<5' });
    // Both, in any order, are every team: the table of all of them, by name.
    const both = await get(`/programme/outcomes?quarter=2026-Q1&teams=${baerum},${alna.toUpperCase()}`);
    expect(both.body.teams.map((team: { teamId: string }) => team.teamId)).toEqual([alna, baerum]);
    expect(both.body.total).toMatchObject({ teams: 2, participantsServed: 8 });
    const fidelity = await get(`/programme/fidelity?from=2026-01-01&to=2026-03-02&teams=${alna}`);
    expect(fidelity.body.total.items.find((item: { item: string }) => item.item === 'S1').figures.activeParticipants).toBe('suppressed');
  });

  it('answers CSV, one row per team and the total, and the printable report', async () => {
    const csv = await get('/programme/outcomes?quarter=2026-Q1', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^quarter,teamId,team,municipality,participantsServed,participantsEmployed,employmentRate,/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^2026-Q1,${alna},IPS Alna,Oslo,suppressed,suppressed,suppressed,`));
    expect(lines[2]).toMatch(new RegExp(`^2026-Q1,${baerum},IPS Bærum,Bærum,<5,<5,<5,`));
    expect(lines[3]).toMatch(/^2026-Q1,,Total \(2 teams\),,8,8,1,excellent,8,0,/);

    const report = await get('/programme/outcomes?quarter=2026-Q1', 'text/html');
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.text).toContain('<h1>IPS outcomes across teams: 2026-Q1</h1>');
    expect(report.text).toContain('IPS Bærum');
    expect(report.text).toContain('&lt;5');
    expect(report.text).toContain('suppressed');
    expect(report.text).toContain('Fidelity: items computed from events, 2026-01-01 – 2026-03-02');
  });

  it('shows the computed fidelity items per team and in total: scores and figures, small counts suppressed, no driver', async () => {
    const { body, status } = await get('/programme/fidelity?from=2026-01-01&to=2026-03-02');
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-03-02' });
    const s1 = (column: { items: { item: string }[] }) => column.items.find((item) => item.item === 'S1');
    expect(s1(body.teams[0])).toMatchObject({
      score: 5,
      figures: { activeParticipants: 'suppressed', specialists: 1, participantsPerSpecialist: 'suppressed' },
    });
    // Bærum's scores are read from 2 participants: "<5", as its band could give the count back; so is its sum.
    expect(s1(body.teams[1])).toMatchObject({
      score: '<5',
      anchor: null,
      figures: { activeParticipants: '<5', specialists: 1, participantsPerSpecialist: '<5' },
    });
    expect(s1(body.total)).toMatchObject({ score: 5, figures: { activeParticipants: 8, specialists: 2, participantsPerSpecialist: 4 } });
    expect(body.teams[1]).toMatchObject({ scoredItems: 'suppressed', computedTotal: 'suppressed' });
    expect(body.teams[0]).toMatchObject({ scoredItems: 7, computedTotal: 15 });
    const v10 = body.total.items.find((item: { item: string }) => item.item === 'V10');
    expect(v10).toMatchObject({ score: 5, figures: { jobs: 8, competitivePercent: 100 } });
    // Only the items computed from events; nothing of a driver or a specialist's caseload.
    expect(body.total.items).toHaveLength(11);
    const text = JSON.stringify(body);
    for (const word of [
      '"drivers"',
      'participantId',
      'eventIds',
      '"perSpecialist"',
      '"criteria"',
      '"byType"',
      'es-a',
      'es-b',
      'withheldDrivers',
      'Lagermedarbeider',
    ])
      expect(text).not.toContain(word);

    const csv = await get('/programme/fidelity?from=2026-01-01&to=2026-03-02', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('from,to,teamId,team,municipality,item,name,score,figures,reason');
    expect(lines).toHaveLength(1 + 3 * 11);
  });

  it('contains no participant id, name or date of birth anywhere: JSON, CSV and the printed report', async () => {
    const answers = await Promise.all([
      get('/programme/outcomes?quarter=2026-Q1'),
      get(`/programme/outcomes?quarter=2026-Q1&teams=${baerum}`),
      get('/programme/outcomes?quarter=2026-Q1', 'text/csv'),
      get('/programme/outcomes?quarter=2026-Q1', 'text/html'),
      get(`/programme/outcomes?quarter=2026-Q1&teams=${baerum}`, 'text/html'),
      get('/programme/fidelity?from=2026-01-01&to=2026-03-02'),
      get(`/programme/fidelity?from=2026-01-01&to=2026-03-02&teams=${baerum}`),
      get('/programme/fidelity?from=2026-01-01&to=2026-03-02', 'text/csv'),
    ]);
    const whole = answers
      .map((answer) => `${JSON.stringify(answer.headers)}\n${answer.text}`)
      .join('\n')
      .toLowerCase();
    expect(people).toHaveLength(8);
    const found = people.flatMap((person) =>
      [person.participantId, person.givenName, person.familyName, person.birthDate].filter((value) => whole.includes(value.toLowerCase())),
    );
    expect(found).toEqual([]);
    // The search would find them: the participant's own data is in the team view, under these very values.
    const [first] = people;
    const summary = await harness.http
      .get(`/team-view/participants/${first?.participantId}`)
      .set(auth(tokens['sup-a'] as string))
      .expect(200);
    expect(JSON.stringify(summary.body)).toContain(first?.participantId);
  });

  it("audits each read as an aggregate read, in no participant's access log", async () => {
    const correlationId = randomUUID();
    await settled();
    await harness.http.get(`/programme/outcomes?quarter=2026-Q1&teams=${alna}`).set(coordinator()).set('x-correlation-id', correlationId).expect(200);
    const rows = await teamViewDb().query<{ actor_sub: string; actor_role: string; what: string; scope: string; teams: string[] }>(
      'select actor_sub, actor_role, what, scope, teams from tv_aggregate_reads where correlation_id = $1',
      [correlationId],
    );
    expect(rows).toEqual([{ actor_sub: 'coord-kari', actor_role: 'coordinator', what: 'programme-outcomes', scope: '2026-Q1 json', teams: [alna] }]);
    const logged = await teamViewDb().query<{ n: number }>(`select count(*)::int as n from tv_audit_log where actor_sub = 'coord-kari'`);
    expect(logged[0]?.n).toBe(0);
    const log = await harness.http
      .get(`/team-view/participants/${people[0]?.participantId}/access-log`)
      .set(auth(tokens['sup-a'] as string))
      .expect(200);
    expect(JSON.stringify(log.body)).not.toContain('coord-kari');
  });

  it('is answered by the team view: distributed, the gateway sends it there, and the programme service has no such route', async () => {
    if (harness instanceof PlatformHarness) return;
    const services = harness.platform.services;
    const direct = async (service: 'team-view' | 'programme') =>
      (await fetch(`${services.get(service)?.url}/programme/outcomes?quarter=2026-Q1`, { headers: coordinator() })).status;
    expect(await direct('team-view')).toBe(200);
    expect(await direct('programme')).toBe(404);
    expect((await fetch(`${services.get('programme')?.url}/programme/fidelity`, { headers: coordinator() })).status).toBe(404);
    // The programme's own routes stay with it.
    expect((await harness.http.get('/programme/teams').set(coordinator())).status).toBe(200);
  });

  it('refuses bad input and other roles', async () => {
    const problem = async (route: string, status: number, code: string) => {
      const answer = await get(route);
      expect({ route, status: answer.status, code: answer.body.code, type: answer.headers['content-type'] }).toEqual({
        route,
        status,
        code,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      return answer.body;
    };
    expect((await problem('/programme/outcomes', 400, 'REQUEST.INVALID')).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'quarter' })]),
    );
    for (const quarter of ['2026-Q5', '2026Q1', 'Q1-2026', '2026-q1']) {
      expect((await problem(`/programme/outcomes?quarter=${quarter}`, 400, 'REQUEST.INVALID')).errors).toEqual([
        { field: 'quarter', message: 'must be YYYY-Qn' },
      ]);
    }
    await problem('/programme/outcomes?quarter=2026-Q1&colour=red', 400, 'REQUEST.INVALID');
    await problem(`/programme/outcomes?quarter=2026-Q1&teams=${alna},,`, 400, 'REQUEST.INVALID');
    for (const teams of [randomUUID(), 'not-a-team', `${alna},${randomUUID()}`])
      await problem(`/programme/outcomes?quarter=2026-Q1&teams=${teams}`, 404, 'TEAM.NOT_FOUND');
    await problem(`/programme/fidelity?teams=${randomUUID()}`, 404, 'TEAM.NOT_FOUND');
    await problem('/programme/fidelity?from=2026-02-30', 400, 'REQUEST.INVALID');
    await problem('/programme/fidelity?from=2026-03-02&to=2026-03-01', 400, 'REQUEST.INVALID');
    await problem('/programme/fidelity?to=2027-01-01', 400, 'REQUEST.INVALID');
    for (const who of ['sup-a', 'es-a']) {
      for (const route of ['/programme/outcomes?quarter=2026-Q1', '/programme/fidelity']) {
        const answer = await harness.http.get(route).set(auth(tokens[who] as string));
        expect({ who, route, status: answer.status }).toEqual({ who, route, status: 403 });
      }
    }
    const administrator = await harness.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    expect((await harness.http.get('/programme/outcomes?quarter=2026-Q1').set(auth(administrator))).status).toBe(403);
    expect((await harness.http.get('/programme/outcomes?quarter=2026-Q1')).status).toBe(401);
  });
});
