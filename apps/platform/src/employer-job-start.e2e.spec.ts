import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';

/**
 * `POST /employer/placements` with an employer's own token: only for a participant the team linked to that
 * employer (the employment specialist's employer contact) under a consent in force that discloses to employers.
 * Every other case answers exactly as an unknown participant does, so an employer learns neither who is enrolled
 * in IPS nor what the team recorded. Staff record job starts as before. The employer service notes the welfare
 * office's events from the bus, so this runs in both profiles.
 */
describeEachProfile("an employer's job start", (start) => {
  let harness: TestPlatform;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const employers = { a: '', b: '' };

  const wo = (participantId: string, route: string, body: object) =>
    harness.http.post(`/welfare-office/participants/${participantId}/${route}`).set(as('specialist')).send(body).expect(201);
  const referred = async (): Promise<string> =>
    (
      await harness.http
        .post('/welfare-office/referrals')
        .set(as('specialist'))
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
        .expect(201)
    ).body.participantId;
  const enrolled = async (): Promise<string> => {
    const participantId = await referred();
    await wo(participantId, 'enrolment', { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' });
    return participantId;
  };
  const contact = (participantId: string, employerId: string) => wo(participantId, 'employer-contacts', { employerId, kind: 'face-to-face' });
  const consent = (participantId: string, employerDisclosure: boolean) =>
    wo(participantId, 'consents', { shareWith: ['mental-health', 'employer'], employerDisclosure });
  const jobStart = (who: string, participantId: string, employerId: string) =>
    harness.http
      .post('/employer/placements')
      .set(as(who))
      .send({ participantId, employerId, jobTitle: 'Packer', startDate: '2026-03-16', hoursPerWeek: 20, hourlyWage: 230 });

  beforeAll(async () => {
    harness = await start();
    tokens['specialist'] = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    const register = async (name: string, organisationNumber: string): Promise<string> =>
      (await harness.http.post('/employer/employers').set(as('specialist')).send({ name, organisationNumber }).expect(201)).body.employerId;
    employers.a = await register('Lager AS', '912345678');
    employers.b = await register('Butikk AS', '987654321');
    tokens['employerA'] = await harness.token({ sub: 'hr-a', agency: 'employer', role: 'employer', employerId: employers.a });
    tokens['employerB'] = await harness.token({ sub: 'hr-b', agency: 'employer', role: 'employer', employerId: employers.b });
  });
  afterAll(() => harness.stop());

  it('lets a linked employer record the job start under a consent that discloses to employers, and the team sees it', async () => {
    const participantId = await enrolled();
    await contact(participantId, employers.a);
    await consent(participantId, true);
    await harness.platform.settled();
    const started = await jobStart('employerA', participantId, employers.a).expect(201);
    await harness.platform.settled();
    const summary = (await harness.http.get(`/team-view/participants/${participantId}`).set(as('specialist')).expect(200)).body;
    expect(summary.placement).toMatchObject({ placementId: started.body.placementId, employerId: employers.a, jobTitle: 'Packer' });
  });

  it('answers every other case exactly as an unknown participant, and staff record job starts as before', async () => {
    const linkedAndDisclosed = await enrolled();
    await contact(linkedAndDisclosed, employers.a);
    await consent(linkedAndDisclosed, true);
    const notLinked = await enrolled();
    await consent(notLinked, true);
    const notDisclosed = await enrolled();
    await contact(notDisclosed, employers.a);
    await consent(notDisclosed, false);
    const withdrawn = await enrolled();
    await contact(withdrawn, employers.a);
    await consent(withdrawn, true);
    await wo(withdrawn, 'consent-withdrawal', { reason: 'I will tell them myself' });
    const notEnrolled = await referred();
    await consent(notEnrolled, true);
    await harness.platform.settled();

    const unknown = await jobStart('employerA', randomUUID(), employers.a).expect(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'PARTICIPANT.NOT_FOUND', detail: 'no participant with this id that you may see' });
    const refused = {
      'not linked': await jobStart('employerA', notLinked, employers.a),
      'linked, consent without disclosure': await jobStart('employerA', notDisclosed, employers.a),
      'linked, disclosure withdrawn': await jobStart('employerA', withdrawn, employers.a),
      'linked to another employer': await jobStart('employerB', linkedAndDisclosed, employers.b),
      'not enrolled': await jobStart('employerA', notEnrolled, employers.a),
    };
    for (const [why, answer] of Object.entries(refused)) {
      expect({ why, status: answer.status, body: answer.body, type: answer.headers['content-type'] }).toEqual({
        why,
        status: 404,
        body: unknown.body,
        type: unknown.headers['content-type'],
      });
    }

    await jobStart('specialist', notLinked, employers.a).expect(201);
    await jobStart('specialist', notDisclosed, employers.a).expect(201);
    expect((await jobStart('specialist', notEnrolled, employers.a).expect(409)).body.code).toBe('PARTICIPANT.NOT_ENROLLED');
  });

  it('lets the employer in again once a later consent discloses to employers', async () => {
    const participantId = await enrolled();
    await contact(participantId, employers.a);
    await consent(participantId, true);
    await wo(participantId, 'consent-withdrawal', {});
    await harness.platform.settled();
    await jobStart('employerA', participantId, employers.a).expect(404);
    await consent(participantId, true);
    await harness.platform.settled();
    await jobStart('employerA', participantId, employers.a).expect(201);
  });
});
