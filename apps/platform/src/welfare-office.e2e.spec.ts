import { PlatformHarness } from './testing/platform-harness';

const referral = { givenName: 'Ola', familyName: 'Hansen', birthDate: '2001-11-30', referredBy: 'self' };

describe('the welfare office’s part of the record over HTTP', () => {
  let harness: PlatformHarness;
  let caseworker: string;
  let clinician: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (path: string, body: object, token = caseworker) => harness.http.post(path).set(auth(token)).send(body);
  const types = async (participantId: string, token = caseworker): Promise<string[]> => {
    await harness.platform.settled();
    const response = await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(token)).expect(200);
    return response.body.entries.map((entry: { type: string }) => entry.type);
  };
  const enrolledParticipant = async (): Promise<string> => {
    const { body } = await post('/welfare-office/referrals', referral).expect(201);
    await post(`/welfare-office/participants/${body.participantId}/enrolment`, {
      employmentSpecialistId: 'es-ingrid',
      contactPersonId: 'cw-ola',
    }).expect(201);
    return body.participantId as string;
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
  });
  afterAll(() => harness.stop());

  it('records profile, plan, counselling, contacts and discharge, in order on the timeline (record-career-profile, update-career-profile, write-action-plan, record-benefits-counselling, record-employer-contact, record-participant-contact, discharge-participant)', async () => {
    const id = await enrolledParticipant();
    const base = `/welfare-office/participants/${id}`;
    await post(`${base}/career-profile`, { strengths: ['punctual'], interests: ['warehouse'] }).expect(201);
    await harness.http
      .put(`${base}/career-profile`)
      .set(auth(caseworker))
      .send({ strengths: ['punctual'], interests: ['driving'] })
      .expect(200);
    await post(`${base}/action-plans`, { goals: ['a job'], jobPreferences: ['warehouse'], hoursPerWeek: 20, supportsWanted: [] }).expect(201);
    await post(`${base}/benefits-counselling`, { heldOn: '2026-03-01', topics: ['part-time wages'] }).expect(201);
    await post(`${base}/employer-contacts`, { employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', kind: 'face-to-face' }).expect(201);
    await post(`${base}/contacts`, { contactedOn: '2026-03-02', mode: 'in-person', inCommunity: true }).expect(201);
    await post(`${base}/discharge`, { reason: 'steady-employment' }).expect(201);
    expect(await types(id)).toEqual([
      'ParticipantReferred',
      'ParticipantEnrolled',
      'CareerProfileCreated',
      'CareerProfileUpdated',
      'ActionPlanWritten',
      'BenefitsCounsellingHeld',
      'EmployerContactMade',
      'ParticipantContactRecorded',
      'ParticipantDischarged',
    ]);
  });

  it('discharge-participant: never discharges for missed appointments (422, nothing written)', async () => {
    const id = await enrolledParticipant();
    const refused = await post(`/welfare-office/participants/${id}/discharge`, { reason: 'missed-appointments' }).expect(422);
    expect(refused.body.code).toBe('DISCHARGE.REASON_NOT_ALLOWED');
    expect(await types(id)).toEqual(['ParticipantReferred', 'ParticipantEnrolled']);
  });

  it('refuses work with a participant who is only referred (409 PARTICIPANT.NOT_ENROLLED)', async () => {
    const { body } = await post('/welfare-office/referrals', referral).expect(201);
    const refused = await post(`/welfare-office/participants/${body.participantId}/action-plans`, {
      goals: [],
      jobPreferences: [],
      hoursPerWeek: 10,
      supportsWanted: [],
    }).expect(409);
    expect(refused.body.code).toBe('PARTICIPANT.NOT_ENROLLED');
  });

  it('give-consent, withdraw-consent: opens the record to mental health only while the consent lasts', async () => {
    const id = await enrolledParticipant();
    await harness.platform.settled();
    await harness.http.get(`/team-view/participants/${id}/timeline`).set(auth(clinician)).expect(404);
    await post(`/welfare-office/participants/${id}/consents`, { shareWith: ['mental-health'], employerDisclosure: false }).expect(201);
    expect(await types(id, clinician)).toEqual(['ParticipantReferred', 'ParticipantEnrolled', 'ConsentGiven']);
    await post(`/welfare-office/participants/${id}/consent-withdrawal`, {}).expect(201);
    await harness.platform.settled();
    await harness.http.get(`/team-view/participants/${id}/timeline`).set(auth(clinician)).expect(404);
  });

  it('give-consent: refuses consent that names an unknown agency (400)', async () => {
    const id = await enrolledParticipant();
    const refused = await post(`/welfare-office/participants/${id}/consents`, { shareWith: ['police'], employerDisclosure: false }).expect(400);
    expect(refused.body.errors[0].field).toBe('shareWith');
  });

  it('withdraw-referral: ends a referral only with the participant’s reason', async () => {
    const { body } = await post('/welfare-office/referrals', referral).expect(201);
    await post(`/welfare-office/participants/${body.participantId}/referral-withdrawal`, {}).expect(400);
    await post(`/welfare-office/participants/${body.participantId}/referral-withdrawal`, { reason: 'I got a job myself' }).expect(201);
    const again = await post(`/welfare-office/participants/${body.participantId}/enrolment`, {
      employmentSpecialistId: 'es-ingrid',
      contactPersonId: 'cw-ola',
    }).expect(409);
    expect(again.body.code).toBe('PARTICIPANT.REFERRAL_CLOSED');
  });
});
