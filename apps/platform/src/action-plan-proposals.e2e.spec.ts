import { randomUUID } from 'node:crypto';
import { PlatformHarness } from './testing/platform-harness';

/**
 * The participant's own plan: on their own page they write it or propose changes to it; the specialist sees the open
 * proposal on the participant's summary and records it (the plan names the proposal); both show on the timeline.
 */
describe('propose-action-plan: the participant proposes their action plan; write-action-plan: the specialist records it', () => {
  let harness: PlatformHarness;
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (who: string, path: string, body: object) => harness.http.post(path).set(auth(who)).send(body);
  const proposal = {
    goals: ['a job in a bakery by autumn'],
    jobPreferences: ['bakery', 'early shifts'],
    hoursPerWeek: 15,
    supportsWanted: ['someone to call on bad days'],
  };
  const plan = { goals: ['a job in a bakery'], jobPreferences: ['bakery'], hoursPerWeek: 15, supportsWanted: ['a weekly call'] };

  /** A participant referred (and enrolled unless told), with their own token under `self-<n>`. */
  const participant = async (enrol = true): Promise<{ id: string; self: string }> => {
    const referral = { givenName: `Siri${randomUUID().slice(0, 6)}`, familyName: 'Dahl', birthDate: '1999-05-17', referredBy: 'self' };
    const id = (await post('caseworker', '/welfare-office/referrals', referral).expect(201)).body.participantId as string;
    if (enrol)
      await post('caseworker', `/welfare-office/participants/${id}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }).expect(201);
    const self = `self-${id}`;
    tokens[self] = await harness.token({ sub: self, agency: 'participant', role: 'participant', participantId: id });
    return { id, self };
  };
  const propose = (who: string, id: string, body: object) => post(who, `/welfare-office/participants/${id}/action-plan-proposals`, body);
  const timeline = async (who: string, id: string) => {
    await harness.platform.settled();
    return (await harness.http.get(`/team-view/participants/${id}/timeline`).set(auth(who)).expect(200)).body.entries as {
      type: string;
      summary: string;
      data: Record<string, unknown>;
    }[];
  };
  const summary = async (who: string, id: string) => {
    await harness.platform.settled();
    return (await harness.http.get(`/team-view/participants/${id}`).set(auth(who)).expect(200)).body;
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    tokens['caseworker'] = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    tokens['specialist'] = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    tokens['supervisor'] = await harness.token({ sub: 'sup-kari', agency: 'welfare-office', role: 'supervisor' });
    tokens['clinician'] = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    tokens['employer'] = await harness.token({ sub: 'emp-1', agency: 'employer', role: 'employer', employerId: randomUUID() });
  }, 60_000);
  afterAll(() => harness.stop());

  it('records the proposal (201 { proposalId }), shows it on the timeline to the team and the participant, and opens it on the summary', async () => {
    const { id, self } = await participant();
    const response = await propose(self, id, { ...proposal, note: 'I want to start slowly' }).expect(201);
    const { proposalId } = response.body;
    expect(proposalId).toMatch(/^[0-9a-f-]{36}$/);

    for (const reader of [self, 'caseworker']) {
      const proposed = (await timeline(reader, id)).find((entry) => entry.type === 'ActionPlanProposed');
      expect(proposed?.data).toEqual({ proposalId, ...proposal, note: 'I want to start slowly' });
    }
    expect((await summary('specialist', id)).openPlanProposal).toEqual({
      proposalId,
      proposedAt: expect.any(String),
      ...proposal,
      note: 'I want to start slowly',
    });
  });

  it("the specialist records it: the plan names the proposal, the summary's proposal closes, and it cannot be recorded twice (409)", async () => {
    const { id, self } = await participant();
    const { proposalId } = (await propose(self, id, proposal).expect(201)).body;
    await post('specialist', `/welfare-office/participants/${id}/action-plans`, { ...plan, proposalId }).expect(201);

    const written = (await timeline('specialist', id)).find((entry) => entry.type === 'ActionPlanWritten');
    expect(written?.data).toEqual({ ...plan, proposalId });
    expect((await timeline(self, id)).map((entry) => entry.type)).toEqual([
      'ParticipantReferred',
      'ParticipantEnrolled',
      'ActionPlanProposed',
      'ActionPlanWritten',
    ]);
    expect((await summary('specialist', id)).openPlanProposal).toBeNull();

    const again = await post('specialist', `/welfare-office/participants/${id}/action-plans`, { ...plan, proposalId }).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.code).toBe('ACTION_PLAN.PROPOSAL_CLOSED');
  });

  it('refuses a plan naming a proposal the participant never made (404 ACTION_PLAN.PROPOSAL_NOT_FOUND), writing nothing', async () => {
    const { id } = await participant();
    const before = await timeline('caseworker', id);
    const refused = await post('specialist', `/welfare-office/participants/${id}/action-plans`, { ...plan, proposalId: randomUUID() }).expect(404);
    expect(refused.body.code).toBe('ACTION_PLAN.PROPOSAL_NOT_FOUND');
    expect(await timeline('caseworker', id)).toEqual(before);
  });

  it('a later plan of the specialist’s own, or a later proposal, replaces the open one', async () => {
    const { id, self } = await participant();
    const first = (await propose(self, id, proposal).expect(201)).body.proposalId;
    const second = (await propose(self, id, { ...proposal, hoursPerWeek: 10 }).expect(201)).body.proposalId;
    expect((await summary('caseworker', id)).openPlanProposal).toMatchObject({ proposalId: second, hoursPerWeek: 10 });
    const replaced = await post('specialist', `/welfare-office/participants/${id}/action-plans`, { ...plan, proposalId: first }).expect(409);
    expect(replaced.body.code).toBe('ACTION_PLAN.PROPOSAL_CLOSED');
    await post('specialist', `/welfare-office/participants/${id}/action-plans`, plan).expect(201);
    expect((await summary('caseworker', id)).openPlanProposal).toBeNull();
  });

  it('a referred participant may propose before enrolment; the proposal waits for the specialist', async () => {
    const { id, self } = await participant(false);
    const { proposalId } = (await propose(self, id, proposal).expect(201)).body;
    await post('caseworker', `/welfare-office/participants/${id}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }).expect(201);
    expect((await summary('specialist', id)).openPlanProposal).toMatchObject({ proposalId });
  });

  it('shows the open proposal only to readers who may see the action plan: mental health only while the consent shares with it', async () => {
    const { id, self } = await participant();
    await propose(self, id, proposal).expect(201);
    await harness.platform.settled();
    await harness.http.get(`/team-view/participants/${id}`).set(auth('clinician')).expect(404);
    await post('caseworker', `/welfare-office/participants/${id}/consents`, { shareWith: ['mental-health'], employerDisclosure: false }).expect(201);
    expect((await summary('clinician', id)).openPlanProposal).toMatchObject({ goals: proposal.goals });
    expect((await timeline('clinician', id)).map((entry) => entry.type)).toContain('ActionPlanProposed');
  });

  describe('who may propose', () => {
    it('only the participant themself: staff and employers 403, another participant 403, no token 401; nothing is written', async () => {
      const { id } = await participant();
      const other = await participant();
      const before = await timeline('caseworker', id);
      for (const who of ['caseworker', 'specialist', 'supervisor', 'clinician', 'employer', other.self]) {
        const refused = await propose(who, id, proposal).expect(403);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body.code).toBe('AUTH.FORBIDDEN');
      }
      await harness.http.post(`/welfare-office/participants/${id}/action-plan-proposals`).send(proposal).expect(401);
      expect(await timeline('caseworker', id)).toEqual(before);
    });

    it('a participant token for a record that does not exist: 404', async () => {
      const id = randomUUID();
      tokens['ghost'] = await harness.token({ sub: 'ghost', agency: 'participant', role: 'participant', participantId: id });
      expect((await propose('ghost', id, proposal).expect(404)).body.code).toBe('PARTICIPANT.NOT_FOUND');
    });
  });

  describe('bad input: 400 problem+json, nothing written', () => {
    it.each([
      ['an unknown field', { ...proposal, secret: true }, 'secret'],
      ['no goals', { jobPreferences: [], hoursPerWeek: 10, supportsWanted: [] }, 'goals'],
      ['goals that are not a list', { ...proposal, goals: 'a job' }, 'goals'],
      ['no hours', { ...proposal, hoursPerWeek: 0 }, 'hoursPerWeek'],
      ['too many hours', { ...proposal, hoursPerWeek: 61 }, 'hoursPerWeek'],
      ['hours that are not whole', { ...proposal, hoursPerWeek: 12.5 }, 'hoursPerWeek'],
      ['a note too long', { ...proposal, note: 'x'.repeat(2001) }, 'note'],
      ['21 goals', { ...proposal, goals: Array.from({ length: 21 }, (_, n) => `goal ${n}`) }, 'goals'],
    ])('%s', async (_, body, field) => {
      const { id, self } = await participant();
      const before = await timeline('caseworker', id);
      const refused = await propose(self, id, body).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await timeline('caseworker', id)).toEqual(before);
    });

    it('a malformed proposalId on a plan', async () => {
      const { id } = await participant();
      const refused = await post('specialist', `/welfare-office/participants/${id}/action-plans`, { ...plan, proposalId: 'first' }).expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('proposalId');
    });
  });

  describe('when nothing more is proposed: 409 with a code, nothing written', () => {
    const refusedWith = async (id: string, self: string, code: string) => {
      const before = await timeline('caseworker', id);
      const refused = await propose(self, id, proposal).expect(409);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe(code);
      expect(await timeline('caseworker', id)).toEqual(before);
    };

    it('after the discharge (PARTICIPANT.DISCHARGED), which also closes the open proposal', async () => {
      const { id, self } = await participant();
      await propose(self, id, proposal).expect(201);
      await post('caseworker', `/welfare-office/participants/${id}/discharge`, { reason: 'steady-employment' }).expect(201);
      await refusedWith(id, self, 'PARTICIPANT.DISCHARGED');
      expect((await summary('caseworker', id)).openPlanProposal).toBeNull();
    });

    it('after the referral was withdrawn (PARTICIPANT.REFERRAL_CLOSED)', async () => {
      const { id, self } = await participant(false);
      await post('caseworker', `/welfare-office/participants/${id}/referral-withdrawal`, { reason: 'not now' }).expect(201);
      await refusedWith(id, self, 'PARTICIPANT.REFERRAL_CLOSED');
    });

    it('after the erasure (PARTICIPANT.ERASED)', async () => {
      const { id, self } = await participant();
      await propose(self, id, proposal).expect(201);
      await post('supervisor', `/welfare-office/participants/${id}/erasure`, {}).expect(201);
      await refusedWith(id, self, 'PARTICIPANT.ERASED');
      expect((await summary('caseworker', id)).openPlanProposal).toBeNull();
    });
  });
});
