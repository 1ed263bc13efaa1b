import { PlatformHarness, TestClock } from './testing/platform-harness';

interface Item {
  item: string;
  score: number | null;
  source: string;
  reason?: string;
  figures: Record<string, unknown>;
  drivers: { participantId: string; eventIds: string[]; detail: string }[];
  withheldDrivers: number;
}

/**
 * A small IPS team built through the agencies' routes: es-ingrid with Kari and Ola, es-per with Siri. Kari and
 * Ola share their record with mental health and the employer; Siri gave no consent.
 */
describe('IPS fidelity over HTTP', () => {
  let harness: PlatformHarness;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = async (who: string, path: string, body: object) => (await harness.http.post(path).set(auth(who)).send(body).expect(201)).body;
  const PERIOD = 'from=2026-01-01&to=2026-04-30';

  const fidelity = async (query = PERIOD, who = 'supervisor') =>
    (await harness.http.get(`/team-view/fidelity?${query}`).set(auth(who)).expect(200)).body as { items: Item[] } & Record<string, unknown>;
  const item = (body: { items: Item[] }, id: string) => body.items.find((entry) => entry.item === id) as Item;

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-01-05T09:00:00.000Z')));
    tokens.ingrid = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    tokens.per = await harness.token({ sub: 'es-per', agency: 'welfare-office', role: 'employment-specialist' });
    tokens.clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    tokens.supervisor = await harness.token({ sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' });
    tokens.caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });

    // 2026-01-05: referral, enrolment, consent, career profile, treatment team
    for (const [name, specialist, consent] of [
      ['kari', 'ingrid', true],
      ['ola', 'ingrid', true],
      ['siri', 'per', false],
    ] as const) {
      const { participantId } = await post(specialist, '/welfare-office/referrals', {
        givenName: name,
        familyName: 'Nordmann',
        birthDate: '1990-01-01',
        referredBy: 'DPS Lerkendal',
      });
      ids[name] = participantId;
      const p = `/welfare-office/participants/${participantId}`;
      await post(specialist, `${p}/enrolment`, { employmentSpecialistId: `es-${specialist}`, contactPersonId: 'cw-ola' });
      if (consent) await post(specialist, `${p}/consents`, { shareWith: ['mental-health', 'employer'], employerDisclosure: false });
      await post(specialist, `${p}/career-profile`, { strengths: ['punctual'], interests: ['kitchen'] });
    }
    await harness.platform.settled();
    for (const name of ['kari', 'ola', 'siri']) {
      await post('clinician', `/mental-health/participants/${ids[name]}/treatment-team`, { teamName: 'DPS Lerkendal team 2', clinicianId: 'dr-lie' });
    }

    // Everything else is recorded on 2026-05-05 with the dates it happened.
    harness.clock.set('2026-05-05T09:00:00.000Z');
    const lager = (await post('ingrid', '/employer/employers', { name: 'Lager AS', organisationNumber: '912345678' })).employerId;
    const kafe = (await post('ingrid', '/employer/employers', { name: 'Kafe AS', organisationNumber: '987654321' })).employerId;
    const wo = (name: string) => `/welfare-office/participants/${ids[name]}`;
    const contact = (who: string, name: string, contactedOn: string, inCommunity: boolean) =>
      post(who, `${wo(name)}/contacts`, { contactedOn, mode: 'in-person', inCommunity });
    const employerContact = (who: string, name: string, contactedOn: string, employerId: string, kind = 'face-to-face') =>
      post(who, `${wo(name)}/employer-contacts`, { employerId, kind, contactedOn });

    await contact('ingrid', 'kari', '2026-01-08', true);
    await contact('ingrid', 'kari', '2026-02-20', true);
    await contact('ingrid', 'ola', '2026-01-09', true);
    await contact('ingrid', 'ola', '2026-02-21', false);
    await contact('per', 'siri', '2026-01-10', false);
    await employerContact('ingrid', 'kari', '2026-01-15', lager); // 10 days after enrolment
    await employerContact('ingrid', 'ola', '2026-01-25', kafe); // 20 days
    await employerContact('per', 'siri', '2026-02-01', lager, 'phone'); // not face-to-face
    await employerContact('per', 'siri', '2026-03-21', kafe); // 75 days

    await post('ingrid', `${wo('kari')}/benefits-counselling`, { heldOn: '2026-02-01', topics: ['wages and benefits'] });
    const job = { hoursPerWeek: 20, hourlyWage: 230 };
    const kariJob = (
      await post('ingrid', '/employer/placements', {
        ...job,
        participantId: ids.kari,
        employerId: lager,
        jobTitle: 'Warehouse worker',
        startDate: '2026-02-02',
      })
    ).placementId;
    const olaJob = (
      await post('ingrid', '/employer/placements', { ...job, participantId: ids.ola, employerId: kafe, jobTitle: 'Cook', startDate: '2026-03-02' })
    ).placementId;
    const followAlong = (who: string, name: string, placementId: string, contactedOn: string) =>
      post(who, `/employer/participants/${ids[name]}/placements/${placementId}/follow-along-contacts`, { contactedOn, with: 'worker' });
    for (const day of ['2026-02-01', '2026-02-04', '2026-02-10', '2026-02-17', '2026-02-24', '2026-03-15']) {
      await followAlong('ingrid', 'kari', kariJob, day);
    }
    for (const day of ['2026-03-01', '2026-03-04', '2026-03-10', '2026-03-17', '2026-03-24', '2026-04-15']) {
      await followAlong(['2026-03-04', '2026-03-10'].includes(day) ? 'per' : 'ingrid', 'ola', olaJob, day); // es-per covers two
    }
    await harness.platform.settled();
  });
  afterAll(() => harness.stop());

  it('scores the computed items from what the team recorded, and leaves the rest to a reviewer', async () => {
    const body = await fidelity();
    const scores = Object.fromEntries(body.items.map((entry) => [entry.item, entry.score]));
    expect(scores).toEqual({
      S1: 5, // 3 participants, 2 specialists
      S2: null,
      S3: 4, // es-per recorded 2 of Ola's 12 follow-along contacts: 83% < 90% → 5 of 6 phases
      O1: 5, // all from one treatment team
      O2: null,
      O3: null,
      O4: null,
      O5: null,
      O6: null,
      O7: null,
      O8: null,
      V1: 3, // Kari counselled before her start, Ola not
      V2: null,
      V3: null,
      V4: 4, // (10 + 20 + 75) / 3 = 35 days
      V5: null,
      V6: 1, // 3 face-to-face visits in 17 weeks by 2 specialists
      V7: null,
      V8: 5, // Warehouse worker, Cook
      V9: 5, // two employers
      V10: 5,
      V11: null,
      V12: 5, // before start, within 3 days, weekly in month 1, monthly after, for both
      V13: 4, // 3 of 5 contacts in the community
      V14: null,
    });
    expect(body).toMatchObject({
      period: { from: '2026-01-01', to: '2026-04-30' },
      team: null,
      total: null,
      band: null,
      scoredItems: 11,
      computedTotal: 46,
      minReachable: 60,
      maxReachable: 116,
    });
    expect(item(body, 'O3')).toMatchObject({ source: 'reviewer', reason: expect.stringContaining('caseworker') });
    expect(item(body, 'V4').figures).toMatchObject({ meanDays: 35, medianDays: 20, participants: 3 });
    expect(item(body, 'V6').figures).toMatchObject({ faceToFaceContacts: 3, otherKinds: 1, specialists: 2 });
  });

  it('names the participants and events behind a score', async () => {
    const s3 = item(await fidelity(), 'S3');
    expect(s3.drivers).toEqual([
      { participantId: ids.ola, eventIds: [expect.any(String), expect.any(String)], detail: 'follow-along by es-per; own specialist es-ingrid' },
    ]);
    const v1 = item(await fidelity(), 'V1');
    expect(v1.drivers.map((driver) => [driver.participantId, driver.detail]).sort()).toEqual(
      [
        [ids.kari, 'job start 2026-02-02: counselling on 2026-02-01'],
        [ids.ola, 'job start 2026-03-02: no benefits counselling for it'],
      ].sort(),
    );
    const timeline = await harness.http.get(`/team-view/participants/${ids.ola}/timeline`).set(auth('supervisor')).expect(200);
    const types = new Map((timeline.body.entries as { eventId: string; type: string }[]).map((entry) => [entry.eventId, entry.type]));
    expect(s3.drivers[0]?.eventIds.map((id) => types.get(id))).toEqual(['FollowAlongContactMade', 'FollowAlongContactMade']);
  });

  it('withholds drivers the supervisor may not see, and writes each participant named to their access log', async () => {
    const o1 = item(await fidelity(), 'O1');
    expect(o1.drivers.map((driver) => driver.participantId).sort()).toEqual([ids.kari, ids.ola].sort());
    expect(o1).toMatchObject({ withheldDrivers: 1, figures: { activeParticipants: 3, fromAttachedTeams: 3 } });
    for (const name of ['kari', 'siri']) {
      const log = await harness.http.get(`/team-view/participants/${ids[name]}/access-log`).set(auth('supervisor')).expect(200);
      expect(log.body.entries).toContainEqual(
        expect.objectContaining({ action: 'read-fidelity', who: { sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' } }),
      );
    }
  });

  it('narrows to one specialist’s caseload', async () => {
    const body = await fidelity(`${PERIOD}&specialist=es-per`);
    expect(body).toMatchObject({ team: null, specialist: 'es-per' });
    expect(item(body, 'S1').figures).toMatchObject({ activeParticipants: 1, perSpecialist: [{ specialist: 'es-per', caseload: 1 }] });
    expect(item(body, 'V4')).toMatchObject({ score: 3, figures: { meanDays: 75 } });
    expect(item(body, 'V8')).toMatchObject({ score: null, reason: 'no job held in the period' });
    expect(new Set(body.items.flatMap((entry) => entry.drivers.map((driver) => driver.participantId)))).toEqual(new Set([ids.siri]));
  });

  it('reviews the 90 days up to today when no period is given', async () => {
    const body = await fidelity('');
    expect(body.period).toEqual({ from: '2026-02-05', to: '2026-05-05' });
    expect(item(body, 'V4').figures).toMatchObject({ participants: 1, meanDays: 75 }); // only Siri's first contact is in it
  });

  it('answers CSV, one row per item', async () => {
    const csv = await harness.http.get(`/team-view/fidelity?${PERIOD}`).set(auth('supervisor')).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]).toBe('item,name,score,keyFigure,value,source,anchorConfirmed,reason');
    expect(lines).toContain('S1,caseload,5,participantsPerSpecialist,1.5,events,yes,');
    expect(lines).toContain('V4,rapid job search,4,meanDays,35,events,no,');
    expect(lines).toContain('O7,agency focus on work,,,,reviewer,,scored by a fidelity reviewer');
  });

  it('refuses bad parameters with the field that is wrong', async () => {
    const bad = async (query: string, field: string) => {
      const response = await harness.http.get(`/team-view/fidelity?${query}`).set(auth('supervisor')).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    };
    await bad('from=2026-02-30', 'from');
    await bad('to=yesterday', 'to');
    await bad('to=2026-05-06', 'to');
    await bad('from=2026-04-02&to=2026-04-01', 'from');
    await bad('team=', 'team');
    await bad('specialist=', 'specialist');
    await bad('quarter=2026-Q1', 'quarter');
  });

  it('is for supervisors only', async () => {
    for (const who of ['caseworker', 'ingrid', 'clinician']) await harness.http.get('/team-view/fidelity').set(auth(who)).expect(403);
    await harness.http.get('/team-view/fidelity').expect(401);
  });

  it('is documented in OpenAPI with its query parameters and an example', async () => {
    const { body } = await harness.http.get('/docs-json').expect(200);
    const route = body.paths['/team-view/fidelity'].get;
    const query = route.parameters.filter((parameter: { in: string }) => parameter.in === 'query');
    expect(query.map((parameter: { name: string; required: boolean }) => [parameter.name, parameter.required])).toEqual([
      ['from', false],
      ['to', false],
      ['team', false],
      ['specialist', false],
      ['limit', false],
      ['offset', false],
    ]);
    expect(Object.keys(route.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(route.responses['200'].content['application/json'].schema.example.items[0]).toMatchObject({ item: 'S1', score: 5 });
  });

  it('open-fidelity-review, score-fidelity-item, complete-fidelity-review: runs a full review: computed items, reviewer items entered, total and band, CSV with the same numbers, kept to compare', async () => {
    tokens.anne = await harness.token({ sub: 'rev-anne', agency: 'welfare-office', role: 'supervisor' });
    tokens.other = await harness.token({ sub: 'sup-2', agency: 'welfare-office', role: 'supervisor' });
    const reviews = '/team-view/fidelity/reviews';
    const { reviewId } = await post('supervisor', reviews, { from: '2026-01-01', to: '2026-04-30', reviewers: ['rev-anne', 'sup-1'] });
    const at = `${reviews}/${reviewId}`;

    const opened = (await harness.http.get(at).set(auth('anne')).expect(200)).body;
    expect(opened).toMatchObject({ status: 'open', total: null, band: null, from: '2026-01-01', to: '2026-04-30', reviewers: ['rev-anne', 'sup-1'] });
    const computed = opened.items.filter((entry: { source: string }) => entry.source === 'events');
    expect(Object.fromEntries(computed.map((entry: { item: string; score: number }) => [entry.item, entry.score]))).toEqual({
      S1: 5,
      S3: 4,
      O1: 5,
      V1: 3,
      V4: 4,
      V6: 1,
      V8: 5,
      V9: 5,
      V10: 5,
      V12: 5,
      V13: 4,
    });
    const toScore: string[] = opened.missingItems;
    expect(toScore).toEqual(['S2', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'V2', 'V3', 'V5', 'V7', 'V11', 'V14']);

    const score = (who: string, item: string, value: number) =>
      harness.http
        .put(`${at}/items/${item}`)
        .set(auth(who))
        .send({ score: value, note: `${item}: seen in the minutes` });
    expect((await score('anne', 'S1', 3).expect(409)).body.code).toBe('FIDELITY_REVIEW.ITEM_COMPUTED');
    expect((await score('other', 'O2', 3).expect(403)).body.code).toBe('FIDELITY_REVIEW.NOT_A_REVIEWER');
    await score('ingrid', 'O2', 3).expect(403);
    await score('anne', 'X9', 3).expect(400);
    await score('anne', 'O2', 9).expect(400);

    for (const [index, item] of toScore.slice(0, -1).entries()) await score(index % 2 === 0 ? 'anne' : 'supervisor', item, item === 'O2' ? 4 : 3).expect(200);
    const incomplete = await harness.http.post(`${at}/completion`).set(auth('supervisor')).send({}).expect(409);
    expect(incomplete.body).toMatchObject({ code: 'FIDELITY_REVIEW.INCOMPLETE', detail: expect.stringContaining('missing: V14') });
    await score('anne', 'V14', 3).expect(200);
    await score('supervisor', 'O3', 2).expect(200); // a later score replaces the earlier one
    const completed = await harness.http.post(`${at}/completion`).set(auth('supervisor')).send({}).expect(201);
    // 46 from the events, 12 × 3 + 4 (O2) + 2 (O3) from the reviewers
    expect(completed.body).toMatchObject({ status: 'completed', total: 88, band: 'fair', missingItems: [] });
    expect(completed.body.items.find((entry: { item: string }) => entry.item === 'O2')).toEqual({
      item: 'O2',
      name: 'team contact',
      source: 'reviewer',
      score: 4,
      note: 'O2: seen in the minutes',
      scoredBy: 'sup-1',
    });
    expect((await score('anne', 'O7', 5).expect(409)).body.code).toBe('FIDELITY_REVIEW.COMPLETED');
    expect((await harness.http.post(`${at}/completion`).set(auth('supervisor')).send({}).expect(409)).body.code).toBe('FIDELITY_REVIEW.COMPLETED');

    const csv = await harness.http.get(at).set(auth('supervisor')).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.trimEnd().split('\n');
    expect(header).toBe('item,name,score,source,note,scoredBy');
    const itemRows = rows.slice(0, -1).map((row) => row.split(','));
    expect(itemRows).toHaveLength(25);
    expect(itemRows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(88);
    expect(rows.at(-1)).toBe('total,,88,fair,,');

    const { body: list } = await harness.http.get(reviews).set(auth('supervisor')).expect(200);
    expect(list.reviews).toContainEqual({
      reviewId,
      team: null,
      from: '2026-01-01',
      to: '2026-04-30',
      status: 'completed',
      completedAt: expect.any(String),
      total: 88,
      band: 'fair',
    });
    const log = await harness.http.get(`/team-view/participants/${ids.kari}/access-log`).set(auth('supervisor')).expect(200);
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({ action: 'read-fidelity', who: { sub: 'rev-anne', agency: 'welfare-office', role: 'supervisor' } }),
    );

    // The printable quarterly report carries the completed review, the outcomes and the computed items, and no names.
    const report = await harness.http.get('/team-view/outcomes/report?quarter=2026-Q2').set(auth('supervisor')).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.text).toContain('IPS quarterly report: 2026-Q2');
    expect(report.text).toContain('<strong>88 of 125, fair</strong>');
    expect(report.text).toMatch(/<th>Participants served<\/th><td>3<\/td>/);
    expect(report.text).toMatch(/<th>S1 caseload<\/th><td>5<\/td>/);
    expect(report.text).not.toMatch(/Nordmann|kari|ola|siri/i);
  });

  it('keeps a review to the supervisors', async () => {
    await harness.http
      .post('/team-view/fidelity/reviews')
      .set(auth('ingrid'))
      .send({ from: '2026-01-01', to: '2026-04-30', reviewers: ['es-ingrid'] })
      .expect(403);
    await harness.http.get('/team-view/fidelity/reviews').set(auth('clinician')).expect(403);
    const bad = await harness.http
      .post('/team-view/fidelity/reviews')
      .set(auth('supervisor'))
      .send({ from: '2026-04-30', to: '2026-01-01', reviewers: [] })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toContain('reviewers');
  });
});
