import { PlatformHarness } from './testing/platform-harness';

/**
 * The participant's consent, applied at read time to the timeline and the summary (api-contract.md,
 * "Who sees what"): one rule per test, over HTTP, on one participant with entries from all four agencies.
 */
describe("reads filtered by the participant's latest consent", () => {
  let harness: PlatformHarness;
  let participantId = '';
  let employerA = '';
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  const timeline = async (who: string, status = 200): Promise<string[]> => {
    const answer = await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(as(who)).expect(status);
    return status === 200 ? (answer.body.entries as { type: string }[]).map((entry) => entry.type) : [];
  };
  const summary = async (who: string) => (await harness.http.get(`/team-view/participants/${participantId}`).set(as(who)).expect(200)).body;
  const consent = async (body: object) => {
    await harness.http.post(`/welfare-office/participants/${participantId}/consents`).set(as('specialist')).send(body).expect(201);
    await harness.platform.settled();
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    const claims = {
      specialist: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' },
      clinician: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' },
      municipal: { sub: 'mw-siri', agency: 'municipality', role: 'municipal-worker' },
    };
    for (const [who, claim] of Object.entries(claims)) tokens[who] = await harness.token(claim);
    const p = (
      await harness.http
        .post('/welfare-office/referrals')
        .set(as('specialist'))
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
        .expect(201)
    ).body;
    participantId = p.participantId;
    await harness.http
      .post(`/welfare-office/participants/${participantId}/enrolment`)
      .set(as('specialist'))
      .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
      .expect(201);
    await harness.platform.settled();
    await harness.http
      .post(`/mental-health/participants/${participantId}/relapse-flags`)
      .set(as('clinician'))
      .send({ level: 'watch', reviewBy: '2026-04-01' })
      .expect(201);
    await harness.http.post(`/municipality/participants/${participantId}/services`).set(as('municipal')).send({ kind: 'housing' }).expect(201);
    employerA = (await harness.http.post('/employer/employers').set(as('specialist')).send({ name: 'Lager AS', organisationNumber: '912345678' }).expect(201))
      .body.employerId;
    const employerB = (
      await harness.http.post('/employer/employers').set(as('specialist')).send({ name: 'Butikk AS', organisationNumber: '987654321' }).expect(201)
    ).body.employerId;
    await harness.http
      .post('/employer/placements')
      .set(as('specialist'))
      .send({ participantId, employerId: employerA, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 })
      .expect(201);
    tokens['employerA'] = await harness.token({ sub: 'hr-a', agency: 'employer', role: 'employer', employerId: employerA });
    tokens['employerB'] = await harness.token({ sub: 'hr-b', agency: 'employer', role: 'employer', employerId: employerB });
    tokens['participant'] = await harness.token({ sub: 'kari', agency: 'participant', role: 'participant', participantId });
    await harness.platform.settled();
  });
  afterAll(() => harness.stop());

  it('without consent: every agency sees only its own entries; an employer sees nothing', async () => {
    expect(await timeline('specialist')).toEqual(['ParticipantReferred', 'ParticipantEnrolled']);
    expect(await timeline('clinician')).toEqual(['RelapseRiskFlagRaised']);
    expect(await timeline('municipal')).toEqual(['MunicipalServiceGranted']);
    await timeline('employerA', 404);
    expect((await summary('specialist')).relapseRisk).toBeNull();
    expect((await summary('clinician')).basedOn).toEqual(['mental-health']);
  });

  it('the participant sees the whole timeline, health entries included', async () => {
    expect(await timeline('participant')).toEqual([
      'ParticipantReferred',
      'ParticipantEnrolled',
      'RelapseRiskFlagRaised',
      'MunicipalServiceGranted',
      'PlacementStarted',
    ]);
  });

  it('another agency sees entries only while both are in the circle (shareWith plus the welfare office)', async () => {
    await consent({ shareWith: ['mental-health'], employerDisclosure: false });
    expect(await timeline('clinician')).toEqual(['ParticipantReferred', 'ParticipantEnrolled', 'RelapseRiskFlagRaised', 'ConsentGiven']);
    expect(await timeline('specialist')).toEqual(['ParticipantReferred', 'ParticipantEnrolled', 'RelapseRiskFlagRaised', 'ConsentGiven']);
    expect((await summary('specialist')).relapseRisk).toMatchObject({ level: 'watch', reviewBy: '2026-04-01' });
    expect(await timeline('municipal')).toEqual(['MunicipalServiceGranted']);
    await timeline('employerA', 404);
  });

  it('give-consent: a later consent replaces the earlier one at the next read', async () => {
    await consent({ shareWith: ['municipality'], employerDisclosure: false });
    expect(await timeline('clinician')).toEqual(['RelapseRiskFlagRaised']);
    expect(await timeline('municipal')).toEqual(['ParticipantReferred', 'ParticipantEnrolled', 'MunicipalServiceGranted', 'ConsentGiven', 'ConsentGiven']);
  });

  it('with employer disclosure an employer sees only entries about its own placements, never a relapse-risk flag', async () => {
    await consent({ shareWith: ['mental-health', 'employer', 'municipality'], employerDisclosure: true });
    expect(await timeline('employerA')).toEqual(['PlacementStarted']);
    const seen = await summary('employerA');
    expect(seen.relapseRisk).toBeNull();
    expect(seen.basedOn).toEqual(['employer']);
    await timeline('employerB', 404);
  });

  it('withdraw-consent: a withdrawal takes effect on the next read: each agency back to its own entries', async () => {
    await harness.http.post(`/welfare-office/participants/${participantId}/consent-withdrawal`).set(as('specialist')).send({}).expect(201);
    await harness.platform.settled();
    expect(await timeline('clinician')).toEqual(['RelapseRiskFlagRaised']);
    expect(await timeline('municipal')).toEqual(['MunicipalServiceGranted']);
    await timeline('employerA', 404);
    expect((await summary('specialist')).relapseRisk).toBeNull();
  });
});
