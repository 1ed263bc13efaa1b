import { TestPlatform, describeEachProfile } from './testing/profiles';

const referral = { givenName: 'Siv', familyName: 'Berg', birthDate: '1990-05-17', referredBy: 'self' };

describeEachProfile('commands on one participant at the same moment', (start) => {
  let platform: TestPlatform;
  let caseworker: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    platform = await start();
    caseworker = await platform.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => platform.stop());

  it('records all 20 of 20 simultaneous contacts: every answer 201, 20 entries on the timeline', async () => {
    const { body } = await platform.http.post('/welfare-office/referrals').set(auth(caseworker)).send(referral).expect(201);
    const id = body.participantId as string;
    await platform.http
      .post(`/welfare-office/participants/${id}/enrolment`)
      .set(auth(caseworker))
      .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
      .expect(201);

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        platform.http
          .post(`/welfare-office/participants/${id}/contacts`)
          .set(auth(caseworker))
          .send({ contactedOn: `2026-02-${String(n + 1).padStart(2, '0')}`, mode: 'in-person', inCommunity: n % 2 === 0 }),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    await platform.platform.settled();
    const timeline = await platform.http.get(`/team-view/participants/${id}/timeline`).set(auth(caseworker)).expect(200);
    const contacts = timeline.body.entries.filter((entry: { type: string }) => entry.type === 'ParticipantContactRecorded');
    expect(contacts).toHaveLength(20);
  });
});
