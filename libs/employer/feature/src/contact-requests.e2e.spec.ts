import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { isSealed } from '@ips/contracts';
import { EmployerModule } from './index';
import { Placement, employerWorld } from './testing/employer-world';
import { noProgrammeTeams } from './contact-line/programme-teams.port';

describe('the employer contact line over HTTP: intake, reads, acknowledgement, resolution', () => {
  let app: FeatureTestApp;
  let world: ReturnType<typeof employerWorld>;
  let specialist: string;
  let placement: Placement;
  let hr: string;

  const submit = (body: object, bearer = hr) => world.post('/employer/contact-requests', body, bearer);
  const submitted = async (target: Placement = placement, bearer = hr): Promise<string> =>
    (await submit(world.request(target.placementId), bearer).expect(202)).body.requestId as string;
  const allEvents = async () => (await app.store.readAll(0, 100_000)).length;

  beforeAll(async () => {
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: 200 }, { teams: { useValue: noProgrammeTeams } })],
      now: '2026-03-02T21:00:00.000Z',
    });
    world = employerWorld(app);
    specialist = await world.staff();
    placement = await world.placement();
    hr = await world.employer(placement.employerId);
  });
  afterAll(() => app?.close());

  describe('submit-contact-request: intake (POST /employer/contact-requests)', () => {
    it('stores the request in the employer service before answering 202, with no bus or team view running at all', async () => {
      const requestId = await submitted();
      const { events } = await app.store.readStream(`employer.contact-request-${requestId}`);
      expect(events.map((event) => event.type)).toEqual(['ContactRequestReceived']);
      expect(isSealed(events[0]?.data['callbackPhone'])).toBe(true);
      expect(await app.personalData.openOne(placement.participantId, events[0]?.data ?? {})).toMatchObject({
        placementId: placement.placementId,
        participantId: placement.participantId,
        employerId: placement.employerId,
        callbackPhone: '+4791234567',
        acknowledgeBy: '2026-03-02T21:15:00.000Z',
      });
    });

    it('finds a placement started a moment ago (the directory catches up before it answers)', async () => {
      const fresh = await world.placement();
      await submit(world.request(fresh.placementId), await world.employer(fresh.employerId)).expect(202);
    });

    it("refuses another employer's placement (403, as the placement routes do)", async () => {
      const refused = await submit(world.request(placement.placementId), await world.employer(randomUUID())).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('answers an unknown placement with 404', async () => {
      const refused = await submit(world.request(randomUUID())).expect(404);
      expect(refused.body.code).toBe('PLACEMENT.NOT_FOUND');
    });

    it('refuses a placement that has ended (409)', async () => {
      const ended = await world.placement();
      const route = `/employer/participants/${ended.participantId}/placements/${ended.placementId}/end`;
      await world.post(route, { endDate: '2026-02-27', reason: 'resigned' }, specialist).expect(201);
      const refused = await submit(world.request(ended.placementId), await world.employer(ended.employerId)).expect(409);
      expect(refused.body.code).toBe('PLACEMENT.ENDED');
    });

    it.each([
      ['an unknown field', { diagnosis: 'F20' }, 400, 'diagnosis'],
      ['an unknown urgency', { urgency: 'whenever' }, 400, 'urgency'],
      ['a placement id that is not a UUID', { placementId: 'p-1' }, 400, 'placementId'],
      ['an empty message', { message: '' }, 400, 'message'],
      ['a phone nobody can dial', { callbackPhone: '912 34 567' }, 422, null],
    ])('refuses %s with problem+json and changes nothing', async (_, overrides, status, field) => {
      const before = await allEvents();
      const refused = await submit(world.request(placement.placementId, overrides)).expect(status);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field) expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      else expect(refused.body.code).toBe('CONTACT_REQUEST.INVALID_PHONE');
      expect(await allEvents()).toBe(before);
    });

    it('is for employers: the team and the municipality may not submit (403)', async () => {
      await submit(world.request(placement.placementId), specialist).expect(403);
      await submit(world.request(placement.placementId), await world.token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' })).expect(403);
    });
  });

  describe('submit-contact-request: a retry with an Idempotency-Key', () => {
    const keyed = (key: string, body: object, bearer = hr) =>
      app.http().post('/employer/contact-requests').set('Authorization', `Bearer ${bearer}`).set('Idempotency-Key', key).send(body);
    const requestsOf = async (bearer = hr): Promise<string[]> =>
      (await world.get('/employer/contact-requests?limit=200', bearer).expect(200)).body.requests.map((r: { requestId: string }) => r.requestId);

    it('given a request received under a key, when the employer sends it again with that key, then 202 with the same requestId and nothing new is recorded', async () => {
      const key = randomUUID();
      const first = (await keyed(key, world.request(placement.placementId)).expect(202)).body.requestId as string;
      const before = await allEvents();
      const again = await keyed(key, world.request(placement.placementId, { callbackPhone: '+47 912 34 567' })).expect(202);
      expect(again.body.requestId).toBe(first);
      expect(await allEvents()).toBe(before);
      expect((await requestsOf()).filter((id) => id === first)).toHaveLength(1);
    });

    it('given retries racing each other with one key, when they arrive together, then all get the same requestId and one request exists', async () => {
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3].map(() => keyed(key, world.request(placement.placementId))));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
      const ids = new Set(answers.map((answer) => answer.body.requestId as string));
      expect(ids.size).toBe(1);
      const [requestId] = [...ids];
      expect((await app.store.readStream(`employer.contact-request-${requestId}`)).events).toHaveLength(1);
    });

    it('given a key already used, when it comes with other content, then 422 and nothing is recorded', async () => {
      const key = randomUUID();
      await keyed(key, world.request(placement.placementId)).expect(202);
      const before = await allEvents();
      const refused = await keyed(key, world.request(placement.placementId, { message: 'Something else entirely.' })).expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('CONTACT_REQUEST.IDEMPOTENCY_KEY_REUSED');
      expect(await allEvents()).toBe(before);
    });

    it("given another employer's key, when this employer uses the same key, then it is a request of its own", async () => {
      const other = await world.placement();
      const otherHr = await world.employer(other.employerId, 'hr-nils');
      const key = randomUUID();
      const mine = (await keyed(key, world.request(placement.placementId)).expect(202)).body.requestId;
      const theirs = (await keyed(key, world.request(other.placementId), otherHr).expect(202)).body.requestId;
      expect(theirs).not.toBe(mine);
    });

    it.each([
      ['empty', ''],
      ['with a space', 'two words'],
      ['too long', 'k'.repeat(256)],
    ])('refuses a key that is %s with 400 and records nothing', async (_, key) => {
      const before = await allEvents();
      const refused = await keyed(key, world.request(placement.placementId)).expect(400);
      expect(refused.body.code).toBe('REQUEST.INVALID_IDEMPOTENCY_KEY');
      expect(await allEvents()).toBe(before);
    });
  });

  describe("the employer's view", () => {
    it('shows its own request with status and history, and nothing about the participant', async () => {
      const requestId = await submitted();
      const { body } = await world.get(`/employer/contact-requests/${requestId}`, hr).expect(200);
      expect(body).toEqual({
        requestId,
        placementId: placement.placementId,
        status: 'received',
        urgency: 'urgent',
        message: 'Ola has not turned up today and does not answer his phone.',
        callbackPhone: '+4791234567',
        receivedAt: '2026-03-02T21:00:00.000Z',
        acknowledgeBy: '2026-03-02T21:15:00.000Z',
        takenBy: null,
        resolvedBy: null,
        resolvedAt: null,
        history: [{ status: 'received', at: '2026-03-02T21:00:00.000Z' }],
      });
    });

    it("cannot read another employer's request: 404, as if it did not exist", async () => {
      const requestId = await submitted();
      const other = await world.get(`/employer/contact-requests/${requestId}`, await world.employer(randomUUID())).expect(404);
      expect(other.body.code).toBe('CONTACT_REQUEST.NOT_FOUND');
      const unknown = await world.get(`/employer/contact-requests/${randomUUID()}`, hr).expect(404);
      expect(unknown.body).toMatchObject({ code: 'CONTACT_REQUEST.NOT_FOUND', detail: other.body.detail });
    });

    it('lists its own requests only, newest first, with the status filter', async () => {
      const mine = await world.placement();
      const own = await world.employer(mine.employerId);
      const first = await submitted(mine, own);
      app.clock.set('2026-03-02T21:05:00.000Z');
      const second = await submitted(mine, own);
      await world.post(`/employer/contact-requests/${first}/resolve`, { note: 'Sorted out on the phone' }, specialist).expect(201);

      const all = await world.get('/employer/contact-requests', own).expect(200);
      expect(all.body.requests.map((r: { requestId: string }) => r.requestId)).toEqual([second, first]);
      expect(all.body.requests[1]).not.toHaveProperty('resolutionNote');
      expect(all.body.requests[1].history.map((h: { status: string }) => h.status)).toEqual(['received', 'resolved']);
      const open = await world.get('/employer/contact-requests?status=open', own).expect(200);
      expect(open.body.requests.map((r: { requestId: string }) => r.requestId)).toEqual([second]);
      app.clock.set('2026-03-02T21:00:00.000Z');
    });

    it('refuses an unknown filter or field in the query (400)', async () => {
      await world.get('/employer/contact-requests?status=lost', hr).expect(400);
      await world.get('/employer/contact-requests?limit=0', hr).expect(400);
      const unknown = await world.get('/employer/contact-requests?employerId=x', hr).expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'employerId', message: 'is not a known field' }]);
    });
  });

  describe('acknowledge-contact-request, resolve-contact-request: acknowledgement and resolution by the team', () => {
    it('lets anyone on the team take it once, then resolve it once with a note the employer never sees', async () => {
      const requestId = await submitted();
      const route = `/employer/contact-requests/${requestId}`;
      const colleague = await world.staff('es-per');
      await world.post(`${route}/acknowledge`, {}, colleague).expect(201);
      const again = await world.post(`${route}/acknowledge`, {}, specialist).expect(409);
      expect(again.body.code).toBe('CONTACT_REQUEST.ALREADY_ACKNOWLEDGED');

      app.clock.set('2026-03-02T21:20:00.000Z');
      const note = 'Ola was admitted to hospital; his clinician will call the employer tomorrow.';
      await world.post(`${route}/resolve`, { note }, colleague).expect(201);
      const twice = await world.post(`${route}/resolve`, { note: 'again' }, colleague).expect(409);
      expect(twice.body.code).toBe('CONTACT_REQUEST.ALREADY_RESOLVED');
      app.clock.set('2026-03-02T21:00:00.000Z');

      const team = (await world.get(route, specialist).expect(200)).body;
      expect(team).toMatchObject({ status: 'resolved', participantId: placement.participantId, resolutionNote: note });
      const as = { agency: 'welfare-office', role: 'employment-specialist' };
      expect(team.history).toEqual([
        // Nobody on call at all (no roster here): the participant's own specialist has it, never nobody.
        { status: 'received', at: '2026-03-02T21:00:00.000Z', tier: 'employment-specialist', assigneeId: 'es-ingrid' },
        { status: 'acknowledged', at: '2026-03-02T21:00:00.000Z', by: 'es-per', as },
        { status: 'resolved', at: '2026-03-02T21:20:00.000Z', by: 'es-per', as },
      ]);
      expect(team).toMatchObject({
        specialistId: 'es-ingrid',
        employerName: 'Trondheim Lager AS',
        answerBy: '2026-03-02T21:15:00.000Z',
        overdue: false,
        takenBy: { id: 'es-per', name: null, role: 'employment-specialist', at: '2026-03-02T21:00:00.000Z' },
        resolvedBy: { id: 'es-per', name: null, role: 'employment-specialist', at: '2026-03-02T21:20:00.000Z' },
      });
      const employerSees = (await world.get(route, hr).expect(200)).body;
      expect(employerSees).toMatchObject({
        status: 'resolved',
        acknowledgeBy: null,
        // The programme names nobody here: the employer is told the role, and when.
        takenBy: { name: null, role: 'employment-specialist', at: '2026-03-02T21:00:00.000Z' },
        resolvedBy: { name: null, role: 'employment-specialist', at: '2026-03-02T21:20:00.000Z' },
        resolvedAt: '2026-03-02T21:20:00.000Z',
      });
      expect(JSON.stringify(employerSees)).not.toContain('es-per');
      expect(JSON.stringify(employerSees)).not.toContain('hospital');
      expect(employerSees).not.toHaveProperty('participantId');
    });

    it('refuses fields on an acknowledgement and an empty note (400), changing nothing', async () => {
      const requestId = await submitted();
      const before = await allEvents();
      const refused = await world.post(`/employer/contact-requests/${requestId}/acknowledge`, { note: 'on it' }, specialist).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'note', message: 'is not a known field' }]);
      await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: '' }, specialist).expect(400);
      expect(await allEvents()).toBe(before);
    });

    it('answers an unknown request with 404 and a bad id with 400', async () => {
      const unknown = await world.post(`/employer/contact-requests/${randomUUID()}/acknowledge`, {}, specialist).expect(404);
      expect(unknown.body.code).toBe('CONTACT_REQUEST.NOT_FOUND');
      await world.post('/employer/contact-requests/not-a-uuid/acknowledge', {}, specialist).expect(400);
    });

    it('keeps the employer, the treatment team and the crisis service (before it escalated to them) out', async () => {
      const requestId = await submitted();
      const route = `/employer/contact-requests/${requestId}`;
      await world.post(`${route}/acknowledge`, {}, hr).expect(403);
      const clinician = await world.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
      await world.get(route, clinician).expect(403);
      const crisis = await world.token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' });
      await world.get(route, crisis).expect(404);
      await world.post(`${route}/acknowledge`, {}, crisis).expect(404);
      expect((await world.get('/employer/contact-requests', crisis).expect(200)).body.requests).toEqual([]);
    });

    it('lets the team list every open request', async () => {
      const requestId = await submitted();
      const { body } = await world.get('/employer/contact-requests?status=open&limit=200', specialist).expect(200);
      expect(body.requests.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
      expect(body.requests.every((r: { status: string }) => r.status !== 'resolved')).toBe(true);
    });
  });
});
