import { randomUUID } from 'node:crypto';
import { TestPlatform, describeEachProfile } from './testing/profiles';

interface Member {
  readonly sub: string;
  readonly displayName: string;
  readonly role: string;
}
interface Team {
  readonly teamId: string;
  readonly name: string;
  readonly members: readonly Member[];
}

describeEachProfile('IPS teams as data: defined by the administrator, staffed by their supervisors', (start) => {
  let platform: TestPlatform;
  let administrator: string;
  let supervisor: string;
  let specialist: string;
  let outsider: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const trondheim = { name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo' };
  const teamsOf = async (token: string): Promise<Team[]> => (await platform.http.get('/programme/teams').set(auth(token)).expect(200)).body.teams as Team[];

  beforeAll(async () => {
    platform = await start();
    administrator = await platform.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    supervisor = await platform.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
    specialist = await platform.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    outsider = await platform.token({ sub: 'cw-per', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => platform.stop());

  it('defines a team, names its supervisor, who adds a member; each sees the team at once, others do not', async () => {
    const teamId = randomUUID();
    await platform.http.put(`/programme/teams/${teamId}`).set(auth(administrator)).send(trondheim).expect(201);
    await platform.http.put(`/programme/teams/${teamId}`).set(auth(administrator)).send(trondheim).expect(200);
    await platform.http
      .post(`/programme/teams/${teamId}/members`)
      .set(auth(administrator))
      .send({ sub: 'sup-siri', displayName: 'Siri Dahl', agency: 'welfare-office', role: 'supervisor' })
      .expect(201);
    await platform.http
      .post(`/programme/teams/${teamId}/members`)
      .set(auth(supervisor))
      .send({ sub: 'es-ingrid', displayName: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist' })
      .expect(201);

    const seenBySpecialist = await teamsOf(specialist);
    expect(seenBySpecialist.map((team) => team.teamId)).toEqual([teamId]);
    expect(seenBySpecialist[0]?.members.map((member) => [member.displayName, member.role])).toEqual(
      expect.arrayContaining([
        ['Siri Dahl', 'supervisor'],
        ['Ingrid Solberg', 'employment-specialist'],
      ]),
    );
    expect((await teamsOf(administrator)).map((team) => team.teamId)).toContain(teamId);
    expect(await teamsOf(outsider)).toEqual([]);

    await platform.http.post(`/programme/teams/${teamId}/members/es-ingrid/end`).set(auth(supervisor)).send({}).expect(201);
    expect(await teamsOf(specialist)).toEqual([]);
  });

  it('refuses with stable codes and writes nothing: unknown team, a member twice, a supervisor of another team, a caseworker', async () => {
    const teamId = randomUUID();
    const member = { sub: 'cw-kari', displayName: 'Kari Nordmann', agency: 'welfare-office', role: 'caseworker' };
    const unknown = await platform.http.post(`/programme/teams/${randomUUID()}/members`).set(auth(administrator)).send(member).expect(404);
    expect(unknown.body.code).toBe('TEAM.NOT_FOUND');

    await platform.http
      .put(`/programme/teams/${teamId}`)
      .set(auth(administrator))
      .send({ ...trondheim, name: 'IPS Bodø' })
      .expect(201);
    await platform.http.post(`/programme/teams/${teamId}/members`).set(auth(administrator)).send(member).expect(201);
    const twice = await platform.http.post(`/programme/teams/${teamId}/members`).set(auth(administrator)).send(member).expect(409);
    expect(twice.body.code).toBe('TEAM.MEMBER_ALREADY_ADDED');
    // Siri supervises another team: this one is as unknown to her as a team that does not exist.
    const otherTeams = await platform.http
      .post(`/programme/teams/${teamId}/members`)
      .set(auth(supervisor))
      .send({ ...member, sub: 'cw-ola' })
      .expect(404);
    expect(otherTeams.body.code).toBe('TEAM.NOT_FOUND');
    await platform.http.put(`/programme/teams/${teamId}`).set(auth(outsider)).send(trondheim).expect(403);
    const badZone = await platform.http
      .put(`/programme/teams/${teamId}`)
      .set(auth(administrator))
      .send({ ...trondheim, timeZone: 'Oslo' })
      .expect(422);
    expect(badZone.body.code).toBe('TEAM.INVALID_TIME_ZONE');

    const [bodo] = (await teamsOf(administrator)).filter((team) => team.teamId === teamId);
    expect(bodo?.name).toBe('IPS Bodø');
    expect(bodo?.members.map((m) => m.sub)).toEqual(['cw-kari']);
  });
});
