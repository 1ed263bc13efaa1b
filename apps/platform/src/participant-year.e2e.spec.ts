import { TestPlatform, describeEachProfile } from './testing/profiles';

/**
 * A participant's year in IPS across the four agencies, checked after every step, in both profiles; then the
 * outcome figures and the fidelity items of her specialist's small team over the same months, checked against
 * numbers worked out by hand from what was recorded.
 */
describeEachProfile("a participant's year over HTTP", (start) => {
  let harness: TestPlatform;
  const tokens: Record<string, string> = {};
  const employerId = { value: '' };
  let participantId = '';
  const team: Record<'ola' | 'siri' | 'nils', string> = { ola: '', siri: '', nils: '' };
  const expectedTypes: string[] = [];
  const expectedAgencies = new Set<string>();

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const today = () => harness.clock.now().toISOString().slice(0, 10);
  const post = async (who: string, path: string, body: object) => {
    const response = await harness.http.post(path).set(auth(who)).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 201 });
    return response.body;
  };

  async function step(who: string, method: 'post' | 'put', path: string, body: object, status: number, recorded: string[], agency: string) {
    harness.clock.advanceDays(7);
    const response = await harness.http[method](path).set(auth(who)).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status });
    expectedTypes.push(...recorded);
    if (recorded.length > 0) expectedAgencies.add(agency);
    await harness.platform.settled();
    const timeline = await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth('specialist')).expect(200);
    const entries = timeline.body.entries as { type: string; agency: string; occurredAt: string }[];
    expect(entries.map((entry) => entry.type)).toEqual(expectedTypes);
    const times = entries.map((entry) => entry.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(entries.map((entry) => entry.agency))).toEqual(expectedAgencies);
    return { response, summary: (await harness.http.get(`/team-view/participants/${participantId}`).set(auth('specialist')).expect(200)).body };
  }

  beforeAll(async () => {
    harness = await start();
    tokens.specialist = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    tokens.clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    tokens.municipal = await harness.token({ sub: 'mw-siri', agency: 'municipality', role: 'municipal-worker' });
    tokens.caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    tokens.supervisor = await harness.token({ sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' });

    // The rest of es-ingrid's caseload starts on 2026-03-02, the day Kari is referred (she is enrolled a week later).
    for (const name of ['ola', 'siri', 'nils'] as const) {
      const referral = await post('specialist', '/welfare-office/referrals', {
        givenName: name,
        familyName: 'Hansen',
        birthDate: '1990-01-01',
        referredBy: 'DPS Lerkendal',
      });
      team[name] = referral.participantId;
      const p = `/welfare-office/participants/${team[name]}`;
      await post('specialist', `${p}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' });
      await post('specialist', `${p}/consents`, { shareWith: ['mental-health', 'employer', 'municipality'], employerDisclosure: false });
      await post('specialist', `${p}/career-profile`, { strengths: ['punctual'], interests: ['kitchen', 'warehouse'] });
    }
    await harness.platform.settled();
    await post('clinician', `/mental-health/participants/${team.ola}/treatment-team`, { teamName: 'DPS Lerkendal team 2', clinicianId: 'dr-lie' });
    await post('clinician', `/mental-health/participants/${team.nils}/treatment-team`, { teamName: 'DPS Østmarka team 1', clinicianId: 'dr-lie' });
    await harness.platform.settled();
  });
  afterAll(() => harness.stop());

  it('goes from referral to discharge with one picture for the whole team', async () => {
    const referral = await harness.http
      .post('/welfare-office/referrals')
      .set(auth('specialist'))
      .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' })
      .expect(201);
    participantId = referral.body.participantId;
    expectedTypes.push('ParticipantReferred');
    expectedAgencies.add('welfare-office');
    const p = `/welfare-office/participants/${participantId}`;
    const mh = `/mental-health/participants/${participantId}`;

    let { summary } = await step(
      'specialist',
      'post',
      `${p}/enrolment`,
      { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' },
      201,
      ['ParticipantEnrolled'],
      'welfare-office',
    );
    expect(summary).toMatchObject({ phase: 'enrolled', daysSinceEnrolment: 0, contacts: { 'welfare-office': { employmentSpecialistId: 'es-ingrid' } } });

    ({ summary } = await step(
      'specialist',
      'post',
      `${p}/consents`,
      { shareWith: ['mental-health', 'employer', 'municipality'], employerDisclosure: false },
      201,
      ['ConsentGiven'],
      'welfare-office',
    ));
    expect(summary.daysSinceEnrolment).toBe(7);

    await step(
      'specialist',
      'post',
      `${p}/career-profile`,
      { strengths: ['punctual'], interests: ['warehouse'] },
      201,
      ['CareerProfileCreated'],
      'welfare-office',
    );
    ({ summary } = await step(
      'specialist',
      'post',
      `${p}/action-plans`,
      { goals: ['a paid job'], jobPreferences: ['warehouse'], hoursPerWeek: 20, supportsWanted: [] },
      201,
      ['ActionPlanWritten'],
      'welfare-office',
    ));
    expect(summary.phase).toBe('job-search');

    await step(
      'clinician',
      'post',
      `${mh}/treatment-team`,
      { teamName: 'DPS Lerkendal team 2', clinicianId: 'dr-lie' },
      201,
      ['TreatmentTeamLinked'],
      'mental-health',
    );
    await step(
      'municipal',
      'post',
      `/municipality/participants/${participantId}/services`,
      { kind: 'housing' },
      201,
      ['MunicipalServiceGranted'],
      'municipality',
    );
    await step(
      'specialist',
      'post',
      `${p}/benefits-counselling`,
      { heldOn: today(), topics: ['part-time wages and benefits'] },
      201,
      ['BenefitsCounsellingHeld'],
      'welfare-office',
    );

    const employer = await harness.http
      .post('/employer/employers')
      .set(auth('specialist'))
      .send({ name: 'Lager AS', organisationNumber: '912345678' })
      .expect(201);
    employerId.value = employer.body.employerId;
    ({ summary } = await step(
      'specialist',
      'post',
      `${p}/employer-contacts`,
      { employerId: employerId.value, kind: 'face-to-face' },
      201,
      ['EmployerContactMade'],
      'welfare-office',
    ));
    expect(summary.firstEmployerContactOn).toBe(today());

    const raised = await step(
      'clinician',
      'post',
      `${mh}/relapse-flags`,
      { level: 'elevated', reviewBy: '2026-12-31', actions: ['weekly call'] },
      201,
      ['RelapseRiskFlagRaised'],
      'mental-health',
    );
    expect(raised.summary.relapseRisk).toMatchObject({ level: 'elevated', reviewBy: '2026-12-31' });
    ({ summary } = await step(
      'clinician',
      'post',
      `${mh}/relapse-flags/${raised.response.body.flagId}/clear`,
      { reason: 'stable again' },
      201,
      ['RelapseRiskFlagCleared'],
      'mental-health',
    ));
    expect(summary.relapseRisk).toBeNull();

    const job = { participantId, employerId: employerId.value, jobTitle: 'Warehouse worker', hoursPerWeek: 20, hourlyWage: 230 };
    const first = await step('specialist', 'post', '/employer/placements', { ...job, startDate: today() }, 201, ['PlacementStarted'], 'employer');
    expect(first.summary).toMatchObject({ phase: 'employed', placement: { jobTitle: 'Warehouse worker', hoursPerWeek: 20 } });
    const placement = `/employer/participants/${participantId}/placements/${first.response.body.placementId}`;

    ({ summary } = await step(
      'specialist',
      'post',
      `${placement}/follow-along-contacts`,
      { contactedOn: today(), with: 'worker' },
      201,
      ['FollowAlongContactMade'],
      'employer',
    ));
    expect(summary.phase).toBe('follow-along');

    ({ summary } = await step('specialist', 'post', `${placement}/end`, { endDate: today(), reason: 'contract-ended' }, 201, ['PlacementEnded'], 'employer'));
    expect(summary).toMatchObject({ phase: 'job-search', placement: null });

    await step('specialist', 'post', `${p}/benefits-counselling`, { heldOn: today(), topics: ['new job'] }, 201, ['BenefitsCounsellingHeld'], 'welfare-office');
    ({ summary } = await step(
      'specialist',
      'post',
      '/employer/placements',
      { ...job, jobTitle: 'Forklift driver', startDate: today() },
      201,
      ['PlacementStarted'],
      'employer',
    ));
    expect(summary).toMatchObject({ phase: 'employed', placement: { jobTitle: 'Forklift driver' } });

    ({ summary } = await step('specialist', 'post', `${p}/discharge`, { reason: 'steady-employment' }, 201, ['ParticipantDischarged'], 'welfare-office'));
    expect(summary).toMatchObject({ phase: 'discharged', placement: { jobTitle: 'Forklift driver' } });
    expect(new Set(summary.basedOn)).toEqual(new Set(['welfare-office', 'mental-health', 'municipality', 'employer']));
  });

  /*
   * Kari's year above, as the events date it (a step's body dates are those of the step before): enrolled 03-09,
   * benefits counselling 04-13, face to face with Lager AS 04-27, warehouse worker there 05-11..05-25 (one
   * follow-along contact, 05-18), counselling 06-01, forklift driver there from 06-08, discharged 06-22.
   * And es-ingrid's three other participants over the same months (all enrolled 2026-03-02):
   *   Ola gets a job quickly: cook at Kafe AS from 03-16 (15 h at 220, then 24 h at 240 from 05-04), followed
   *       along before the start, weekly in month 1 and monthly after; still in work on 06-30.
   *   Siri never gets one: one phone call to an employer, no face-to-face contact; still on the caseload.
   *   Nils works at Lager AS 05-05..06-12 (10 h at 210, no benefits counselling), then moves away: discharged 06-29.
   * The specialist records their work on 2026-06-22 with the dates it happened; the figures are read on 2026-07-01.
   * Every expected number below is worked out by hand from these events, not by the scoring code.
   */
  it('after the year, the team’s outcome figures and the fidelity items its events touch are what the events imply', async () => {
    expect(today()).toBe('2026-06-22'); // the day Kari was discharged, at the end of the test above
    const lager = employerId.value;
    const kafe = (await post('specialist', '/employer/employers', { name: 'Kafe AS', organisationNumber: '987654321' })).employerId;
    const butikk = (await post('specialist', '/employer/employers', { name: 'Butikk AS', organisationNumber: '923609016' })).employerId;
    const wo = (name: keyof typeof team) => `/welfare-office/participants/${team[name]}`;
    const contact = (name: keyof typeof team, contactedOn: string, inCommunity: boolean, who = 'specialist') =>
      post(who, `${wo(name)}/contacts`, { contactedOn, mode: 'in-person', inCommunity });
    const employerContact = (name: keyof typeof team, contactedOn: string, employer: string, kind = 'face-to-face') =>
      post('specialist', `${wo(name)}/employer-contacts`, { employerId: employer, kind, contactedOn });
    const followAlong = async (name: keyof typeof team, placementId: string, days: string[]) => {
      for (const contactedOn of days) {
        await post('specialist', `/employer/participants/${team[name]}/placements/${placementId}/follow-along-contacts`, { contactedOn, with: 'worker' });
      }
    };

    await contact('ola', '2026-03-04', true);
    await employerContact('ola', '2026-03-06', kafe);
    await post('specialist', `${wo('ola')}/benefits-counselling`, { heldOn: '2026-03-12', topics: ['part-time wages and benefits'] });
    const olaJob = (
      await post('specialist', '/employer/placements', {
        participantId: team.ola,
        employerId: kafe,
        jobTitle: 'Cook',
        startDate: '2026-03-16',
        hoursPerWeek: 15,
        hourlyWage: 220,
      })
    ).placementId;
    await followAlong('ola', olaJob, ['2026-03-13', '2026-03-18', '2026-03-25', '2026-04-01', '2026-04-08', '2026-05-05', '2026-06-05']);
    await contact('ola', '2026-04-20', true);
    await post('specialist', `${wo('ola')}/benefits-counselling`, { heldOn: '2026-04-27', topics: ['more hours'] });
    await post('specialist', `/employer/participants/${team.ola}/placements/${olaJob}/terms`, {
      effectiveFrom: '2026-05-04',
      hoursPerWeek: 24,
      hourlyWage: 240,
    });

    await contact('siri', '2026-03-05', false, 'caseworker');
    await employerContact('siri', '2026-04-01', kafe, 'phone');
    await contact('siri', '2026-04-10', true);
    await contact('siri', '2026-05-15', false);

    await employerContact('nils', '2026-03-19', butikk);
    await employerContact('nils', '2026-04-27', lager); // the same visit to Lager AS as Kari's that day
    const nilsJob = (
      await post('specialist', '/employer/placements', {
        participantId: team.nils,
        employerId: lager,
        jobTitle: 'Warehouse Worker',
        startDate: '2026-05-05',
        hoursPerWeek: 10,
        hourlyWage: 210,
      })
    ).placementId;
    await followAlong('nils', nilsJob, ['2026-05-07', '2026-05-14', '2026-05-21', '2026-05-28']);
    await post('specialist', `/employer/participants/${team.nils}/placements/${nilsJob}/end`, { endDate: '2026-06-12', reason: 'resigned' });
    await contact('nils', '2026-06-15', true);
    harness.clock.advanceDays(7);
    await post('specialist', `${wo('nils')}/discharge`, { reason: 'moved-away' });
    harness.clock.advanceDays(2);
    expect(today()).toBe('2026-07-01');
    await harness.platform.settled();

    const outcomes = async (query: string) => (await harness.http.get(`/team-view/outcomes?${query}`).set(auth('supervisor')).expect(200)).body;
    const q1 = await outcomes('quarter=2026-Q1&specialist=es-ingrid');
    expect(q1).toEqual({
      quarter: '2026-Q1',
      participantsServed: 4, // all four enrolled in March
      participantsEmployed: 1, // Ola from 03-16; Kari's and Nils's jobs start in Q2
      employmentRate: 0.25, // 1 / 4
      band: 'below-minimal', // under 31 %
      jobStarts: { first: 1, later: 0 }, // Ola's cook job
      medianDaysToFirstJob: 14, // Ola: 03-02 → 03-16
      averageHoursPerWeek: 15, // Ola's terms in Q1; the change to 24 h is from 05-04
      averageHourlyWage: 220,
      benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
      medianLongestJobTenureDays: 16, // Ola: 03-16..03-31, both days counted
      steadyWorkers: 1, // Ola: 16 of the 30 days 03-02..03-31 in work (> half)
      steadyWorkerRate: 0.25,
      medianLengthOfStayDays: null, // nobody discharged in Q1
    });
    const q2 = await outcomes('quarter=2026-Q2&specialist=es-ingrid');
    expect(q2).toEqual({
      quarter: '2026-Q2',
      participantsServed: 4, // Kari (discharged 06-22) and Nils (06-29) were served in Q2 too
      participantsEmployed: 3, // Kari, Ola, Nils; not Siri
      employmentRate: 0.75, // 3 / 4
      band: 'excellent', // 50 % or more
      jobStarts: { first: 2, later: 1 }, // Kari's warehouse job and Nils's; Kari's forklift job is her second
      medianDaysToFirstJob: 63.5, // Kari 03-09 → 05-11 = 63, Nils 03-02 → 05-05 = 64
      averageHoursPerWeek: 18.5, // (20 + 20 Kari's two jobs + 24 Ola from 05-04 + 10 Nils) / 4
      averageHourlyWage: 227.5, // (230 + 230 + 240 + 210) / 4
      benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
      medianLongestJobTenureDays: 39, // of Kari 15 (05-11..05-25; 06-08..06-22 to her discharge), Nils 39 (05-05..06-12), Ola 107 (03-16..06-30)
      steadyWorkers: 1, // Ola 107 of 121 days in work; Kari 30 of 106 (to her discharge), Nils 39 of 120
      steadyWorkerRate: 0.25,
      medianLengthOfStayDays: 112, // Kari 03-09 → 06-22 = 105, Nils 03-02 → 06-29 = 119
    });
    expect(await outcomes('quarter=2026-Q2')).toEqual(q2); // es-ingrid is the whole programme
    expect(await outcomes('specialist=es-ingrid')).toEqual({
      quarter: '2026-Q3', // today's quarter, one day old
      participantsServed: 2, // Ola and Siri; Kari and Nils were discharged in June
      participantsEmployed: 1, // Ola
      employmentRate: 0.5,
      band: 'excellent',
      jobStarts: { first: 0, later: 0 },
      medianDaysToFirstJob: null,
      averageHoursPerWeek: 24, // Ola's current terms
      averageHourlyWage: 240,
      benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
      medianLongestJobTenureDays: 108, // Ola so far: 03-16..07-01 (not to the quarter's end, which has not come)
      steadyWorkers: 1, // Ola: 108 of the 122 days 03-02..07-01
      steadyWorkerRate: 0.5,
      medianLengthOfStayDays: null,
    });

    const fidelity = (await harness.http.get('/team-view/fidelity?from=2026-03-01&to=2026-06-30&specialist=es-ingrid').set(auth('supervisor')).expect(200))
      .body as {
      items: { item: string; score: number | null; figures: Record<string, unknown> }[];
    } & Record<string, unknown>;
    const item = (id: string) => fidelity.items.find((entry) => entry.item === id) as { score: number | null; figures: Record<string, unknown> };
    expect(Object.fromEntries(fidelity.items.filter((entry) => entry.score !== null).map((entry) => [entry.item, entry.score]))).toEqual({
      S1: 5, // 2 on the caseload on 06-30: at most 20
      S3: 5, // every phase done by es-ingrid herself
      O1: 3, // of those 2, only Ola comes from a treatment team: 50 %
      V1: 4, // 4 of 5 job starts and terms changes counselled: 80 %
      V4: 4, // mean 47.5 days to the first face-to-face employer contact: 31–60
      V6: 1, // 3 visits in 17.43 weeks: under 2 a week
      V8: 4, // 3 job types in 4 jobs: 75 %
      V9: 2, // 2 employers for 4 jobs: 50 %
      V10: 5, // every placement is competitive
      V12: 4, // weekly in month 1 and monthly after where a job lasted that long, but rarely before the start
      V13: 5, // 4 of 6 contacts in the community: 66.7 %
    });
    // 5 + 5 + 3 + 4 + 4 + 1 + 4 + 2 + 5 + 4 + 5 = 42 from the events; the 14 reviewer items add 14 to 70
    expect(fidelity).toMatchObject({
      team: null,
      specialist: 'es-ingrid',
      total: null,
      band: null,
      scoredItems: 11,
      computedTotal: 42,
      minReachable: 56,
      maxReachable: 112,
    });

    // S1 and O1 look at the caseload on the period's last day: Kari and Nils are discharged, Ola and Siri remain.
    expect(item('S1').figures).toMatchObject({
      asOf: '2026-06-30',
      activeParticipants: 2,
      specialists: 1,
      participantsPerSpecialist: 2,
      perSpecialist: [{ specialist: 'es-ingrid', caseload: 2 }],
    });
    // Ola is with DPS Lerkendal team 2, Siri with no treatment team yet; Nils's Østmarka team left with him.
    expect(item('O1').figures).toMatchObject({
      activeParticipants: 2,
      linkedToTreatmentTeam: 1,
      fromAttachedTeams: 1,
      fromAttachedTeamsPercent: 50,
      perSpecialist: [
        { specialist: 'es-ingrid', caseload: 2, teams: { 'DPS Lerkendal team 2': 1 }, attachedTeams: ['DPS Lerkendal team 2'], fromAttachedTeams: 1 },
      ],
    });
    // Every phase has work by an employment specialist, all of it es-ingrid's. Engagement: Kari's action plan and
    // 5 of the 6 contacts; the caseworker's contact with Siri says nothing about who does the specialist's work.
    expect(item('S3').figures).toMatchObject({ phasesObserved: 6, phasesBySameSpecialist: 6 });
    expect((item('S3').figures['phases'] as { phase: string }[]).find((phase) => phase.phase === 'engagement')).toEqual({
      phase: 'engagement',
      attributed: 6,
      byOwnSpecialist: 6,
      unattributed: 1,
      ownPercent: 100,
      bySameSpecialist: true,
    });
    // Job starts: Kari 05-11 (counselled 04-13), Kari 06-08 (06-01, after her previous start), Ola 03-16 (03-12),
    // Nils 05-05 (none). Ola's terms change of 05-04: counselled 04-27, within 30 days.
    expect(item('V1').figures).toMatchObject({ jobStarts: 4, termsChanges: 1, counselled: 4, counselledPercent: 80 });
    // Days from enrolment to the first face-to-face employer contact: Ola 4 (03-06), Nils 17 (03-19), Kari 49
    // (04-27); Siri has none and is still waiting on 06-30, 120 days after enrolment (her phone call does not count).
    // Mean (4 + 17 + 49 + 120) / 4 = 47.5, median (17 + 49) / 2 = 33.
    expect(item('V4').figures).toMatchObject({ participants: 4, stillWaiting: 1, meanDays: 47.5, medianDays: 33 });
    // Visits: Kafe 03-06, Butikk 03-19, Lager 04-27 (once, for Kari and Nils); Siri's phone call is another kind.
    // 122 days = 17.43 weeks; 3 / 17.43 = 0.17 a week.
    expect(item('V6').figures).toMatchObject({ weeks: 17.43, specialists: 1, faceToFaceContacts: 3, otherKinds: 1, perSpecialistPerWeek: 0.17 });
    // Jobs held: Kari's warehouse worker and forklift driver, Ola's cook, Nils's "Warehouse Worker" (the same type).
    expect(item('V8').figures).toMatchObject({
      jobs: 4,
      jobTypes: 3,
      differentTypesPercent: 75,
      byType: { 'warehouse worker': 2, 'forklift driver': 1, cook: 1 },
    });
    // Lager AS has three of them (Kari's two, Nils's), Kafe AS one.
    expect(item('V9').figures).toMatchObject({ jobs: 4, employers: 2, differentEmployersPercent: 50, largestEmployerSharePercent: 75 });
    expect(item('V10').figures).toMatchObject({ jobs: 4, competitiveJobs: 4, competitivePercent: 100 });
    // Follow-along by day after each first working day, up to 06-30:
    //   Kari's warehouse job (14 days, one contact on day 7): nothing before the start or in days 1–3; too short for the rest.
    //   Kari's forklift job (22 days, none): nothing before the start or in days 1–3; too short for the rest.
    //   Ola's job (106 days: -3, 2, 9, 16, 23, 50, 81): before the start, days 1–3, each week of month 1, each of the
    //     2 full months after (days 29–58, 59–88), after month 1.
    //   Nils's job (38 days: 2, 9, 16, 23): days 1–3, each week of month 1; too short for a monthly check.
    //   Job ends: Kari's 05-25 with no contact by 05-28; Nils's 06-12 with a contact on 06-15.
    // Before the start 1 of 4 jobs: no 5. Weekly in month 1 (2 of 2) and monthly after (1 of 1): 4.
    expect(item('V12').figures).toMatchObject({
      jobs: 4,
      followedFourMonthsPercent: null, // no job observed for 120 days
      criteria: {
        beforeStart: { met: 1, checked: 4, percent: 25 },
        afterStart: { met: 2, checked: 4, percent: 50 },
        weeklyMonth1: { met: 2, checked: 2, percent: 100 },
        monthlyAfter: { met: 1, checked: 1, percent: 100 },
        fourMonths: { met: 0, checked: 0, percent: null },
        afterMonth1: { met: 1, checked: 1, percent: 100 },
        afterJobLoss: { met: 1, checked: 2, percent: 50 },
      },
    });
    // Contacts with participants: Ola 2 in the community, Siri 1 of 3, Nils 1 (after his job ended); Kari none.
    expect(item('V13').figures).toMatchObject({ contacts: 6, inCommunity: 4, inCommunityPercent: 66.7 });
  });
});
