import { TestPlatform, describeEachProfile } from './testing/profiles';

/** A participant's year in IPS across the four agencies, checked after every step, in both profiles. */
describeEachProfile("a participant's year over HTTP", (start) => {
  let harness: TestPlatform;
  const tokens: Record<string, string> = {};
  const employerId = { value: '' };
  let participantId = '';
  const expectedTypes: string[] = [];
  const expectedAgencies = new Set<string>();

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const today = () => harness.clock.now().toISOString().slice(0, 10);

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

    let { summary } = await step('specialist', 'post', `${p}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }, 201, ['ParticipantEnrolled'], 'welfare-office');
    expect(summary).toMatchObject({ phase: 'enrolled', daysSinceEnrolment: 0, contacts: { 'welfare-office': { employmentSpecialistId: 'es-ingrid' } } });

    ({ summary } = await step('specialist', 'post', `${p}/consents`, { shareWith: ['mental-health', 'employer', 'municipality'], employerDisclosure: false }, 201, ['ConsentGiven'], 'welfare-office'));
    expect(summary.daysSinceEnrolment).toBe(7);

    await step('specialist', 'post', `${p}/career-profile`, { strengths: ['punctual'], interests: ['warehouse'] }, 201, ['CareerProfileCreated'], 'welfare-office');
    ({ summary } = await step('specialist', 'post', `${p}/action-plans`, { goals: ['a paid job'], jobPreferences: ['warehouse'], hoursPerWeek: 20, supportsWanted: [] }, 201, ['ActionPlanWritten'], 'welfare-office'));
    expect(summary.phase).toBe('job-search');

    await step('clinician', 'post', `${mh}/treatment-team`, { teamName: 'DPS Lerkendal team 2', clinicianId: 'dr-lie' }, 201, ['TreatmentTeamLinked'], 'mental-health');
    await step('municipal', 'post', `/municipality/participants/${participantId}/services`, { kind: 'housing' }, 201, ['MunicipalServiceGranted'], 'municipality');
    await step('specialist', 'post', `${p}/benefits-counselling`, { heldOn: today(), topics: ['part-time wages and benefits'] }, 201, ['BenefitsCounsellingHeld'], 'welfare-office');

    const employer = await harness.http.post('/employer/employers').set(auth('specialist')).send({ name: 'Lager AS', organisationNumber: '912345678' }).expect(201);
    employerId.value = employer.body.employerId;
    ({ summary } = await step('specialist', 'post', `${p}/employer-contacts`, { employerId: employerId.value, kind: 'face-to-face' }, 201, ['EmployerContactMade'], 'welfare-office'));
    expect(summary.firstEmployerContactOn).toBe(today());

    const raised = await step('clinician', 'post', `${mh}/relapse-flags`, { level: 'elevated', reviewBy: '2026-12-31', actions: ['weekly call'] }, 201, ['RelapseRiskFlagRaised'], 'mental-health');
    expect(raised.summary.relapseRisk).toMatchObject({ level: 'elevated', reviewBy: '2026-12-31' });
    ({ summary } = await step('clinician', 'post', `${mh}/relapse-flags/${raised.response.body.flagId}/clear`, { reason: 'stable again' }, 201, ['RelapseRiskFlagCleared'], 'mental-health'));
    expect(summary.relapseRisk).toBeNull();

    const job = { participantId, employerId: employerId.value, jobTitle: 'Warehouse worker', hoursPerWeek: 20, hourlyWage: 230 };
    const first = await step('specialist', 'post', '/employer/placements', { ...job, startDate: today() }, 201, ['PlacementStarted'], 'employer');
    expect(first.summary).toMatchObject({ phase: 'employed', placement: { jobTitle: 'Warehouse worker', hoursPerWeek: 20 } });
    const placement = `/employer/participants/${participantId}/placements/${first.response.body.placementId}`;

    ({ summary } = await step('specialist', 'post', `${placement}/follow-along-contacts`, { contactedOn: today(), with: 'worker' }, 201, ['FollowAlongContactMade'], 'employer'));
    expect(summary.phase).toBe('follow-along');

    ({ summary } = await step('specialist', 'post', `${placement}/end`, { endDate: today(), reason: 'contract-ended' }, 201, ['PlacementEnded'], 'employer'));
    expect(summary).toMatchObject({ phase: 'job-search', placement: null });

    await step('specialist', 'post', `${p}/benefits-counselling`, { heldOn: today(), topics: ['new job'] }, 201, ['BenefitsCounsellingHeld'], 'welfare-office');
    ({ summary } = await step('specialist', 'post', '/employer/placements', { ...job, jobTitle: 'Forklift driver', startDate: today() }, 201, ['PlacementStarted'], 'employer'));
    expect(summary).toMatchObject({ phase: 'employed', placement: { jobTitle: 'Forklift driver' } });

    ({ summary } = await step('specialist', 'post', `${p}/discharge`, { reason: 'steady-employment' }, 201, ['ParticipantDischarged'], 'welfare-office'));
    expect(summary).toMatchObject({ phase: 'discharged', placement: { jobTitle: 'Forklift driver' } });
    expect(new Set(summary.basedOn)).toEqual(new Set(['welfare-office', 'mental-health', 'municipality', 'employer']));
  });
});
