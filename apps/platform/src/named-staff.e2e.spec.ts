import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';

type Person = { readonly sub: string; readonly agency: string; readonly role: string };

/**
 * Forms that name staff pick from the team's members (issue 21): once the programme has defined a team, a command that
 * names someone who is not a current member of the participant's current team, in the role the field asks for, is
 * refused with 422 TEAM.NOT_A_MEMBER naming the field, and nothing is written. Each service asks its own team
 * directory: the welfare office for the enrolment's specialist and contact person, the mental-health service for the
 * treatment team's clinician, the municipality for its contact person. While no team is defined, anyone may be named.
 */
describeEachProfile('named staff are members of the participant’s team', (start) => {
  let platform: TestPlatform;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const people = {
    specialistA: { sub: 'es-astrid', agency: 'welfare-office', role: 'employment-specialist' },
    caseworkerA: { sub: 'cw-arne', agency: 'welfare-office', role: 'caseworker' },
    clinicianA: { sub: 'dr-aas', agency: 'mental-health', role: 'clinician' },
    municipalA: { sub: 'mw-anja', agency: 'municipality', role: 'municipal-worker' },
    supervisorA: { sub: 'sup-alf', agency: 'welfare-office', role: 'supervisor' },
    specialistB: { sub: 'es-bodil', agency: 'welfare-office', role: 'employment-specialist' },
    clinicianB: { sub: 'dr-berg', agency: 'mental-health', role: 'clinician' },
    municipalB: { sub: 'mw-bent', agency: 'municipality', role: 'municipal-worker' },
  } satisfies Record<string, Person>;
  type Who = keyof typeof people;
  const tokens: Partial<Record<Who, string>> = {};
  const auth = (who: Who) => ({ Authorization: `Bearer ${tokens[who] as string}` });
  const post = (route: string, body: object, who: Who) => platform.http.post(route).set(auth(who)).send(body);
  const refer = async (who: Who, teamId?: string): Promise<string> => {
    // The same name and birth date every time: this suite is about names on records, not the duplicate warning.
    const person = {
      givenName: 'Kari',
      familyName: 'Nordmann',
      birthDate: '1994-03-02',
      referredBy: 'self',
      confirmNotDuplicate: true,
      ...(teamId ? { teamId } : {}),
    };
    const participantId = (await post('/welfare-office/referrals', person, who).expect(201)).body.participantId as string;
    await platform.platform.settled();
    return participantId;
  };
  const enrolment = (participantId: string, employmentSpecialistId: string, contactPersonId: string, who: Who = 'supervisorA') =>
    post(`/welfare-office/participants/${participantId}/enrolment`, { employmentSpecialistId, contactPersonId }, who);
  const treatmentTeam = (participantId: string, clinicianId: string) =>
    post(`/mental-health/participants/${participantId}/treatment-team`, { teamName: 'DPS Nidaros', clinicianId }, 'clinicianA');
  const municipalContact = (participantId: string, contactPersonId: string) =>
    post(`/municipality/participants/${participantId}/contact-person`, { contactPersonId }, 'municipalA');
  /** The entry types on the participant's timeline, as a supervisor of the team reads it (consent shares every agency's). */
  const timelineTypes = async (participantId: string): Promise<string[]> => {
    await platform.platform.settled();
    const { body } = await platform.http.get(`/team-view/participants/${participantId}/timeline`).set(auth('supervisorA')).expect(200);
    return (body.entries as { type: string }[]).map((entry) => entry.type);
  };
  const notAMember = (answer: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, field: string) => {
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(new RegExp(`^${field}: `)) });
  };

  let beforeTeams: string;

  beforeAll(async () => {
    platform = await start();
    for (const [who, person] of Object.entries(people)) tokens[who as Who] = await platform.token(person);

    // While no team is defined, anyone may be named, as before teams.
    beforeTeams = await refer('supervisorA');
    await enrolment(beforeTeams, 'es-anyone', 'cw-anyone').expect(201);
    await platform.platform.settled();
    await treatmentTeam(beforeTeams, 'dr-anyone').expect(201);
    await municipalContact(beforeTeams, 'mw-anyone').expect(201);

    const administrator = { Authorization: `Bearer ${await platform.token({ sub: 'adm-1', agency: 'programme', role: 'administrator' })}` };
    for (const [teamId, name] of [
      [teamA, 'IPS Heimdal'],
      [teamB, 'IPS Sentrum'],
    ] as const) {
      await platform.http.put(`/programme/teams/${teamId}`).set(administrator).send({ name, municipality: 'Trondheim', timeZone: 'Europe/Oslo' }).expect(201);
    }
    for (const [who, { sub, agency, role }] of Object.entries(people)) {
      const teamId = who.endsWith('A') ? teamA : teamB;
      await platform.http.post(`/programme/teams/${teamId}/members`).set(administrator).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    await platform.platform.settled();
  }, 120_000);
  afterAll(() => platform?.stop());

  it("enrols only with an employment specialist and a caseworker of the participant's team, naming the field refused", async () => {
    const participantId = await refer('supervisorA', teamA);
    notAMember(await enrolment(participantId, people.specialistB.sub, people.caseworkerA.sub), 'employmentSpecialistId');
    notAMember(await enrolment(participantId, 'es-nobody', people.caseworkerA.sub), 'employmentSpecialistId');
    notAMember(await enrolment(participantId, people.caseworkerA.sub, people.caseworkerA.sub), 'employmentSpecialistId');
    notAMember(await enrolment(participantId, people.specialistA.sub, people.specialistA.sub), 'contactPersonId');
    notAMember(await enrolment(participantId, people.specialistA.sub, people.supervisorA.sub), 'contactPersonId');
    expect(await timelineTypes(participantId)).not.toContain('ParticipantEnrolled');

    await enrolment(participantId, people.specialistA.sub, people.caseworkerA.sub).expect(201);
    // No event replaces the people named by accident: a second enrolment is refused, whoever it names.
    const again = await enrolment(participantId, people.specialistA.sub, people.caseworkerA.sub).expect(409);
    expect(again.body.code).toBe('PARTICIPANT.ALREADY_ENROLLED');
    expect((await timelineTypes(participantId)).filter((type) => type === 'ParticipantEnrolled')).toHaveLength(1);
  });

  it("links only a clinician of the participant's team, and names only a municipal worker of it as contact person", async () => {
    const participantId = await refer('supervisorA', teamA);
    await enrolment(participantId, people.specialistA.sub, people.caseworkerA.sub).expect(201);
    await post(
      `/welfare-office/participants/${participantId}/consents`,
      { shareWith: ['mental-health', 'municipality'], employerDisclosure: false },
      'specialistA',
    ).expect(201);
    await platform.platform.settled();

    notAMember(await treatmentTeam(participantId, people.clinicianB.sub), 'clinicianId');
    notAMember(await treatmentTeam(participantId, 'dr-nobody'), 'clinicianId');
    notAMember(await municipalContact(participantId, people.municipalB.sub), 'contactPersonId');
    notAMember(await municipalContact(participantId, people.caseworkerA.sub), 'contactPersonId');
    const refusedOnly = await timelineTypes(participantId);
    expect(refusedOnly).not.toContain('TreatmentTeamLinked');
    expect(refusedOnly).not.toContain('MunicipalContactAssigned');

    await treatmentTeam(participantId, people.clinicianA.sub).expect(201);
    await municipalContact(participantId, people.municipalA.sub).expect(201);
    const types = await timelineTypes(participantId);
    expect(types.filter((type) => type === 'TreatmentTeamLinked')).toHaveLength(1);
    expect(types.filter((type) => type === 'MunicipalContactAssigned')).toHaveLength(1);
  });

  it('leaves what was named before teams as it was: those people stay named on the record', async () => {
    const named = await platform.token({ sub: 'es-anyone', agency: 'welfare-office', role: 'employment-specialist' });
    await platform.http
      .get(`/team-view/participants/${beforeTeams}`)
      .set({ Authorization: `Bearer ${named}` })
      .expect(200);
    // Someone on a team, not named there: the participant from before teams is on the default team, not theirs.
    await platform.http.get(`/team-view/participants/${beforeTeams}`).set(auth('specialistA')).expect(404);
  });
});
