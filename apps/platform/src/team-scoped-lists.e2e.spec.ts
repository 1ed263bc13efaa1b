import { randomUUID } from 'node:crypto';
import { PlatformHarness } from './testing/platform-harness';
import { SseClient } from './testing/sse-client';
import { TestPlatform, describeEachProfile } from './testing/profiles';

interface Listed {
  readonly participantId: string;
}
interface Board {
  readonly team: { readonly teamId: string; readonly name: string } | null;
  readonly teams: readonly { readonly teamId: string; readonly name: string }[];
  readonly specialists: readonly {
    readonly employmentSpecialistId: string;
    readonly displayName?: string;
    readonly participants: readonly Listed[];
  }[];
}

/**
 * Two teams (decision 27): lists, the board and the figures draw only on the reader's teams; a supervisor of both
 * picks one; a specialist named on a participant of the other team sees that one participant in their lists.
 */
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

describeEachProfile('lists scoped by team: a world of two teams', (start) => {
  let harness: TestPlatform;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const alna = randomUUID();
  const baerum = randomUUID();
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const staff = {
    'cw-a': { agency: 'welfare-office', role: 'caseworker', displayName: 'Ola Caseworker', teams: [alna] },
    'es-a': { agency: 'welfare-office', role: 'employment-specialist', displayName: 'Ingrid Specialist', teams: [alna] },
    'sup-a': { agency: 'welfare-office', role: 'supervisor', displayName: 'Siri Supervisor', teams: [alna] },
    'sup-ab': { agency: 'welfare-office', role: 'supervisor', displayName: 'Bo Supervisor', teams: [alna, baerum] },
    'cw-b': { agency: 'welfare-office', role: 'caseworker', displayName: 'Per Caseworker', teams: [baerum] },
    'es-b': { agency: 'welfare-office', role: 'employment-specialist', displayName: 'Eva Specialist', teams: [baerum] },
  } as const;

  const settled = async () => {
    if (harness instanceof PlatformHarness) await harness.platform.settled();
  };
  const get = async (who: string, route: string, status = 200) => {
    await settled();
    return (
      await harness.http
        .get(route)
        .set(auth(tokens[who] as string))
        .expect(status)
    ).body;
  };
  const listed = async (who: string, query: string): Promise<string[]> =>
    ((await get(who, `/team-view/participants?${query}`)).participants as Listed[]).map((participant) => participant.participantId).sort();
  const onBoard = (board: Board): string[] =>
    board.specialists.flatMap((specialist) => specialist.participants.map((participant) => participant.participantId)).sort();
  const refer = async (caseworker: string, teamId: string, specialist: string): Promise<string> => {
    // The welfare office's own directory must have heard of the team (and then of the participant's team).
    const { body } = await eventually(() =>
      harness.http
        .post('/welfare-office/referrals')
        .set(auth(tokens[caseworker] as string))
        .send({ givenName: 'Kari', familyName: caseworker, birthDate: '1994-03-02', referredBy: 'self', teamId, confirmNotDuplicate: true })
        .expect(201),
    );
    await settled();
    await eventually(() =>
      harness.http
        .post(`/welfare-office/participants/${body.participantId}/enrolment`)
        .set(auth(tokens[caseworker] as string))
        .send({ employmentSpecialistId: specialist, contactPersonId: caseworker })
        .expect(201),
    );
    return body.participantId as string;
  };

  beforeAll(async () => {
    harness = await start();
    const administrator = await harness.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    for (const [teamId, name] of [
      [alna, 'IPS Alna'],
      [baerum, 'IPS Bærum'],
    ]) {
      await harness.http.put(`/programme/teams/${teamId}`).set(auth(administrator)).send({ name, municipality: 'Oslo', timeZone: 'Europe/Oslo' }).expect(201);
    }
    for (const [sub, { agency, role, displayName, teams }] of Object.entries(staff)) {
      tokens[sub] = await harness.token({ sub, agency, role });
      for (const teamId of teams) {
        await harness.http.post(`/programme/teams/${teamId}/members`).set(auth(administrator)).send({ sub, displayName, agency, role }).expect(201);
      }
    }
    ids.a = await refer('cw-a', alna, 'es-a');
    ids.b = await refer('cw-b', baerum, 'es-b');
    // Team B's participant whose employment specialist is on team A: es-a is named on the record, not a member of B.
    // A name is picked from the team's members: es-a was on B for the day they were named, and is not on B after it.
    const esA = staff['es-a'];
    await harness.http
      .post(`/programme/teams/${baerum}/members`)
      .set(auth(administrator))
      .send({ sub: 'es-a', displayName: esA.displayName, agency: esA.agency, role: esA.role })
      .expect(201);
    ids.bNamingEsA = await refer('cw-b', baerum, 'es-a');
    await harness.http.post(`/programme/teams/${baerum}/members/es-a/end`).set(auth(administrator)).send({}).expect(201);
    // The team view has every participant, with their teams and named people, and the teams' members.
    await eventually(async () => {
      expect(await listed('sup-ab', 'scope=all')).toHaveLength(3);
      expect(await listed('es-a', 'scope=mine')).toHaveLength(2);
    });
  }, 120_000);
  afterAll(() => harness.stop());

  it("lists only the reader's teams' participants, plus those naming the reader; a team the reader is not on is 404", async () => {
    expect(await listed('cw-a', 'scope=all')).toEqual([ids.a]);
    expect(await listed('cw-b', 'scope=all')).toEqual([ids.b, ids.bNamingEsA].sort());
    expect(await listed('es-a', 'scope=all')).toEqual([ids.a, ids.bNamingEsA].sort());
    expect(await listed('es-a', 'scope=mine')).toEqual([ids.a, ids.bNamingEsA].sort());
    expect(await listed('es-a', `scope=all&team=${alna}`)).toEqual([ids.a]);
    expect(await listed('sup-ab', 'scope=all')).toEqual([ids.a, ids.b, ids.bNamingEsA].sort());
    expect(await listed('sup-ab', `scope=all&team=${baerum}`)).toEqual([ids.b, ids.bNamingEsA].sort());
    for (const team of [baerum, randomUUID(), 'not-a-team']) {
      expect((await get('cw-a', `/team-view/participants?scope=all&team=${team}`, 404)).code).toBe('TEAM.NOT_FOUND');
    }
  });

  it('pages a long list: `limit` and `offset`, `total` and `next`; only the page shown is in the access log; bad values are 400', async () => {
    const all = await listed('sup-ab', 'scope=all&limit=500');
    const listReads = async (participantId: string): Promise<number> => {
      const token = await harness.token({ sub: 'self', agency: 'participant', role: 'participant', participantId });
      const log = (await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(auth(token)).expect(200)).body;
      return (log.entries as { action: string; who: { sub: string } }[]).filter(
        (entry) => entry.action === 'read-participant-list' && entry.who.sub === 'sup-ab',
      ).length;
    };
    const before = Object.fromEntries(await Promise.all(all.map(async (id) => [id, await listReads(id)] as const)));
    const first = await get('sup-ab', '/team-view/participants?scope=all&limit=2');
    expect(first).toMatchObject({ total: 3, next: 2 });
    expect(first.participants).toHaveLength(2);
    const second = await get('sup-ab', '/team-view/participants?scope=all&limit=2&offset=2');
    expect(second).toMatchObject({ total: 3, next: null });
    const paged = [...first.participants, ...second.participants].map((participant: Listed) => participant.participantId);
    expect([...paged].sort()).toEqual(all);
    // Each participant was shown once more, on one page: one more list read each in their access log.
    for (const id of all) expect(await listReads(id)).toBe((before[id] as number) + 1);
    for (const query of ['limit=0', 'limit=501', 'limit=ten', 'offset=-1', 'offset=1.5']) {
      const problem = await get('sup-ab', `/team-view/participants?scope=all&${query}`, 400);
      expect(problem).toMatchObject({ code: 'REQUEST.INVALID_QUERY' });
    }
  });

  it("shows one team's board: a member's own team; a supervisor of two picks one (the first by name by default)", async () => {
    const boardA = (await get('cw-a', '/team-view/board')) as Board;
    expect(boardA.team).toEqual({ teamId: alna, name: 'IPS Alna' });
    expect(onBoard(boardA)).toEqual([ids.a]);
    expect(boardA.specialists.map((specialist) => [specialist.employmentSpecialistId, specialist.displayName])).toEqual([['es-a', 'Ingrid Specialist']]);
    expect((await get('cw-a', `/team-view/board?team=${baerum}`, 404)).code).toBe('TEAM.NOT_FOUND');

    const byDefault = (await get('sup-ab', '/team-view/board')) as Board;
    expect(byDefault.team?.teamId).toBe(alna);
    expect(byDefault.teams.map((team) => team.name)).toEqual(['IPS Alna', 'IPS Bærum']);
    expect(onBoard(byDefault)).toEqual([ids.a]);
    const boardB = (await get('sup-ab', `/team-view/board?team=${baerum}`)) as Board;
    expect(onBoard(boardB)).toEqual([ids.b, ids.bNamingEsA].sort());
    // es-a is not on team B: listed with B's participant, without a name from B's members.
    expect(boardB.specialists.map((specialist) => [specialist.employmentSpecialistId, specialist.displayName ?? null]).sort()).toEqual([
      ['es-a', null],
      ['es-b', 'Eva Specialist'],
    ]);
    // A specialist's board is their own caseload in their team.
    expect(onBoard((await get('es-b', '/team-view/board')) as Board)).toEqual([ids.b]);
  });

  it("counts outcomes and fidelity over the reader's teams only; a team they are not on is 404", async () => {
    expect((await get('sup-a', '/team-view/outcomes')).participantsServed).toBe(1);
    expect((await get('sup-ab', '/team-view/outcomes')).participantsServed).toBe(3);
    expect((await get('sup-ab', `/team-view/outcomes?team=${baerum}`)).participantsServed).toBe(2);
    expect((await get('sup-a', `/team-view/outcomes?team=${baerum}`, 404)).code).toBe('TEAM.NOT_FOUND');

    const caseload = async (who: string, query = '') =>
      ((await get(who, `/team-view/fidelity?${query}`)).items as { item: string; figures: { activeParticipants?: number } }[]).find(
        (item) => item.item === 'S1',
      )?.figures.activeParticipants;
    expect(await caseload('sup-a')).toBe(1);
    expect(await caseload('sup-ab', `team=${alna}`)).toBe(1);
    expect(await caseload('sup-ab')).toBe(3);
    expect((await get('sup-a', `/team-view/fidelity?team=${baerum}`, 404)).code).toBe('TEAM.NOT_FOUND');

    const report = await harness.http
      .get(`/team-view/outcomes/report?team=${alna}`)
      .set(auth(tokens['sup-ab'] as string))
      .expect(200);
    expect(report.text).toContain('IPS Alna');
  });

  it("keeps fidelity reviews to the reader's teams", async () => {
    const open = async (who: string, team: string, status: number) =>
      harness.http
        .post('/team-view/fidelity/reviews')
        .set(auth(tokens[who] as string))
        .send({ from: '2026-01-01', to: '2026-03-01', team, reviewers: ['rev-anne'] })
        .expect(status);
    expect((await open('sup-a', baerum, 404)).body.code).toBe('TEAM.NOT_FOUND');
    const { reviewId } = (await open('sup-ab', baerum, 201)).body as { reviewId: string };
    expect(((await get('sup-ab', '/team-view/fidelity/reviews')).reviews as { reviewId: string }[]).map((review) => review.reviewId)).toContain(reviewId);
    expect(((await get('sup-a', '/team-view/fidelity/reviews')).reviews as { reviewId: string }[]).map((review) => review.reviewId)).not.toContain(reviewId);
    expect((await get('sup-a', `/team-view/fidelity/reviews/${reviewId}`, 404)).code).toBe('FIDELITY_REVIEW.NOT_FOUND');
    await get('sup-ab', `/team-view/fidelity/reviews/${reviewId}`);
  });
  it("tells an open list which of the reader's participants changed, and never another team's", async () => {
    const open = (who: string) => SseClient.open(`${harness.platform.url}/team-view/changes`, tokens[who] as string);
    const [cwA, cwB, esA] = await Promise.all([open('cw-a'), open('cw-b'), open('es-a')]);
    try {
      expect([cwA.status, cwA.contentType]).toEqual([200, expect.stringMatching(/text\/event-stream/)]);
      for (const [who, participantId] of [
        ['cw-a', ids.a],
        ['cw-b', ids.bNamingEsA],
      ] as const) {
        await harness.http
          .post(`/welfare-office/participants/${participantId}/contacts`)
          .set(auth(tokens[who] as string))
          .send({ contactedOn: '2026-03-02', mode: 'phone', inCommunity: false })
          .expect(201);
      }
      const changed = async (client: SseClient, count: number) =>
        (await client.waitFor(count, 10_000)).flatMap((message) => (message.data as { participantIds: string[] }).participantIds).sort();
      expect(await changed(cwA, 1)).toEqual([ids.a]);
      expect(await changed(cwB, 1)).toEqual([ids.bNamingEsA]);
      // es-a is on team A and named on B's participant: both, in one message or two.
      const seen = new Set(await changed(esA, 1));
      if (seen.size < 2) for (const id of await changed(esA, 2)) seen.add(id);
      expect([...seen].sort()).toEqual([ids.a, ids.bNamingEsA].sort());
      expect(cwA.messages.every((message) => message.event === 'participants-changed')).toBe(true);
      expect(cwA.messages.flatMap((message) => (message.data as { participantIds: string[] }).participantIds)).not.toContain(ids.bNamingEsA);
    } finally {
      for (const client of [cwA, cwB, esA]) client.close();
    }
  });
});
