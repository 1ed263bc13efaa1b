import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TokenClaims } from '@ips/access';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { MunicipalityModule } from './municipality.module';

const NOW = '2026-03-02T09:00:00.000Z';
const TEAM = '0190a6f0-0000-7000-8000-00000000b001';

/** The teams as a test sets them: none until `members` has someone (then the participants in `onTeam` are on TEAM). */
const teams = {
  members: [] as { sub: string; agency: string; role: string }[],
  onTeam: new Set<string>(),
  anyTeamDefined: async () => teams.members.length > 0,
  teamOf: async (participantId: string) => (teams.onTeam.has(participantId) ? TEAM : null),
  teamsOf: async (person: { sub: string; agency: string }) =>
    teams.members
      .filter((member) => member.sub === person.sub && member.agency === person.agency)
      .map(({ agency, role }) => ({ team: { teamId: TEAM }, period: { agency, role } })),
};

describe('the municipality over HTTP', () => {
  let app: FeatureTestApp;
  let store: PostgresEventStore;
  let worker: string;

  const token = (claims: TokenClaims) => app.token(claims);
  const auth = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });
  const http = () => app.http();
  const post = (route: string, body: object = {}, bearer = worker) => http().post(route).set(auth(bearer)).send(body);
  const onDuty = async (at: string, bearer = worker) =>
    (await http().get('/municipality/crisis-duty/on-duty').query({ at }).set(auth(bearer)).expect(200)).body;
  const participant = () => randomUUID();

  beforeAll(async () => {
    app = await startFeatureTestApp({ imports: [MunicipalityModule.withTeamDirectory({ useValue: teams })], now: NOW, logger: ['error', 'warn'] });
    ({ store } = app);
    worker = await token({ sub: 'mw-siri', agency: 'municipality', role: 'municipal-worker' });
  });

  afterAll(() => app?.close());

  describe('services and contact person', () => {
    it('grant-service, end-service: grants housing (201 with a serviceId), refuses a second active housing (409), ends it once (201, then 409)', async () => {
      const id = participant();
      const granted = await post(`/municipality/participants/${id}/services`, { kind: 'housing', note: 'Supported flat' }).expect(201);
      expect(granted.body.serviceId).toMatch(/^[0-9a-f-]{36}$/);

      const again = await post(`/municipality/participants/${id}/services`, { kind: 'housing' }).expect(409);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.body.code).toBe('SERVICE.KIND_ALREADY_ACTIVE');

      const end = `/municipality/participants/${id}/services/${granted.body.serviceId}/end`;
      await post(end, { reason: 'Moved to a flat of her own' }).expect(201);
      const endedAgain = await post(end, {}).expect(409);
      expect(endedAgain.body.code).toBe('SERVICE.ALREADY_ENDED');

      await post(`/municipality/participants/${id}/services`, { kind: 'housing' }).expect(201);
    });

    it('end-service: answers 404 for a service the participant does not have, 422 for an end before the start', async () => {
      const id = participant();
      const missing = await post(`/municipality/participants/${id}/services/${participant()}/end`, {}).expect(404);
      expect(missing.body.code).toBe('SERVICE.NOT_FOUND');

      const { body } = await post(`/municipality/participants/${id}/services`, { kind: 'activity', grantedFrom: '2026-03-10' }).expect(201);
      const early = await post(`/municipality/participants/${id}/services/${body.serviceId}/end`, {}).expect(422);
      expect(early.body.code).toBe('SERVICE.END_BEFORE_START');
    });

    it('grant-service: refuses an unknown kind, an unknown field and a bad id as bad input (400)', async () => {
      const id = participant();
      const badKind = await post(`/municipality/participants/${id}/services`, { kind: 'parking' }).expect(400);
      expect(badKind.body.errors.map((error: { field: string }) => error.field)).toContain('kind');

      const unknown = await post(`/municipality/participants/${id}/services`, { kind: 'housing', colour: 'red' }).expect(400);
      expect(unknown.body.errors).toContainEqual({ field: 'colour', message: 'is not a known field' });

      const badId = await post('/municipality/participants/not-a-uuid/services', { kind: 'housing' }).expect(400);
      expect(badId.body.code).toBe('REQUEST.INVALID_ID');
    });

    it('assign-contact-person: assigns a contact person (201) and refuses the same one again (409)', async () => {
      const id = participant();
      await post(`/municipality/participants/${id}/contact-person`, { contactPersonId: 'mw-siri' }).expect(201);
      const same = await post(`/municipality/participants/${id}/contact-person`, { contactPersonId: 'mw-siri' }).expect(409);
      expect(same.body.code).toBe('MUNICIPAL_CONTACT.UNCHANGED');
      await post(`/municipality/participants/${id}/contact-person`, { contactPersonId: 'mw-kari' }).expect(201);
    });

    it("assign-contact-person: once teams are defined, names only a municipal worker of the participant's team (422 TEAM.NOT_A_MEMBER, nothing written)", async () => {
      const id = participant();
      teams.onTeam.add(id);
      teams.members.push(
        { sub: 'mw-team', agency: 'municipality', role: 'municipal-worker' },
        { sub: 'cw-team', agency: 'welfare-office', role: 'caseworker' },
      );
      try {
        const before = (await store.readOutbox(0, 10_000)).length;
        for (const contactPersonId of ['mw-kari', 'cw-team']) {
          const refused = await post(`/municipality/participants/${id}/contact-person`, { contactPersonId }).expect(422);
          expect(refused.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(/^contactPersonId: /) });
        }
        // A resident the directory has on no team: nobody fits.
        const elsewhere = await post(`/municipality/participants/${participant()}/contact-person`, { contactPersonId: 'mw-team' }).expect(422);
        expect(elsewhere.body.code).toBe('TEAM.NOT_A_MEMBER');
        expect((await store.readOutbox(0, 10_000)).length).toBe(before);
        await post(`/municipality/participants/${id}/contact-person`, { contactPersonId: 'mw-team' }).expect(201);
      } finally {
        teams.members.length = 0;
      }
    });
  });

  describe('crisis duty', () => {
    const shift = { workerId: 'mw-ola', name: 'Ola Berg', phone: '+4791234567', from: '2026-03-02T16:00:00Z', to: '2026-03-03T08:00:00Z' };

    it('schedule-duty: schedules a shift and answers who is on duty inside it, and nobody outside it', async () => {
      const scheduled = await post('/municipality/crisis-duty', shift).expect(201);
      expect(scheduled.body.shiftId).toMatch(/^[0-9a-f-]{36}$/);

      expect(await onDuty('2026-03-02T22:30:00Z')).toEqual({
        at: '2026-03-02T22:30:00.000Z',
        onDuty: [{ workerId: 'mw-ola', name: 'Ola Berg', phone: '+4791234567' }],
        shifts: [
          {
            shiftId: scheduled.body.shiftId,
            workerId: 'mw-ola',
            name: 'Ola Berg',
            phone: '+4791234567',
            from: '2026-03-02T16:00:00.000Z',
            to: '2026-03-03T08:00:00.000Z',
          },
        ],
      });
      expect((await onDuty('2026-03-02T16:00:00Z')).onDuty).toHaveLength(1);
      expect((await onDuty('2026-03-02T15:59:59Z')).onDuty).toEqual([]);
      expect((await onDuty('2026-03-03T08:00:00Z')).onDuty).toEqual([]);

      const now = await http().get('/municipality/crisis-duty/on-duty').set(auth(worker)).expect(200);
      // The rota ahead at NOW: the shift has not begun yet.
      expect(now.body).toEqual({ at: NOW, onDuty: [], shifts: [expect.objectContaining({ shiftId: scheduled.body.shiftId })] });
      expect((await onDuty('2026-03-03T08:00:00Z')).shifts).toEqual([]);
    });

    it('schedule-duty: refuses an overlapping shift for the same worker (409) and a phone nobody can dial (422)', async () => {
      const overlap = await post('/municipality/crisis-duty', { ...shift, from: '2026-03-03T06:00:00Z', to: '2026-03-03T10:00:00Z' }).expect(409);
      expect(overlap.body.code).toBe('DUTY.OVERLAPS');

      const badPhone = await post('/municipality/crisis-duty', { ...shift, workerId: 'mw-kari', phone: '91 23 45 67' }).expect(422);
      expect(badPhone.body.code).toBe('DUTY.INVALID_PHONE');

      const backwards = await post('/municipality/crisis-duty', { ...shift, workerId: 'mw-kari', from: shift.to, to: shift.from }).expect(422);
      expect(backwards.body.code).toBe('DUTY.INVALID_PERIOD');

      const notInstant = await post('/municipality/crisis-duty', { ...shift, workerId: 'mw-kari', from: '2026-03-02' }).expect(400);
      expect(notInstant.body.errors.map((error: { field: string }) => error.field)).toEqual(['from']);
    });

    it('cancel-duty: takes a cancelled shift off duty, and cancels only once (409) and only known shifts (404)', async () => {
      const { body } = await post('/municipality/crisis-duty', {
        ...shift,
        workerId: 'mw-per',
        name: 'Per Lie',
        from: '2026-03-05T16:00:00Z',
        to: '2026-03-06T08:00:00Z',
      }).expect(201);
      expect((await onDuty('2026-03-05T20:00:00Z')).onDuty).toEqual([{ workerId: 'mw-per', name: 'Per Lie', phone: '+4791234567' }]);

      await post(`/municipality/crisis-duty/${body.shiftId}/cancel`).expect(201);
      expect((await onDuty('2026-03-05T20:00:00Z')).onDuty).toEqual([]);

      const again = await post(`/municipality/crisis-duty/${body.shiftId}/cancel`).expect(409);
      expect(again.body.code).toBe('DUTY.ALREADY_CANCELLED');
      const unknown = await post(`/municipality/crisis-duty/${participant()}/cancel`).expect(404);
      expect(unknown.body.code).toBe('DUTY.NOT_FOUND');
    });

    it('refuses an on-duty question that is not an instant (400)', async () => {
      const response = await http().get('/municipality/crisis-duty/on-duty').query({ at: 'tonight' }).set(auth(worker)).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['at']);
    });
  });

  describe('access', () => {
    it('answers 401 without a token', async () => {
      const response = await http().post(`/municipality/participants/${participant()}/services`).send({ kind: 'housing' }).expect(401);
      expect(response.body.code).toBe('AUTH.TOKEN_MISSING');
      await http().get('/municipality/crisis-duty/on-duty').expect(401);
    });

    it('answers 403 to an employer, and lets welfare-office staff ask who is on duty but not schedule', async () => {
      const employer = await token({ sub: 'boss', agency: 'employer', role: 'employer', employerId: participant() });
      const forbidden = await post(`/municipality/participants/${participant()}/services`, { kind: 'housing' }, employer).expect(403);
      expect(forbidden.body.code).toBe('AUTH.FORBIDDEN');
      await http().get('/municipality/crisis-duty/on-duty').set(auth(employer)).expect(403);

      const caseworker = await token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
      await http().get('/municipality/crisis-duty/on-duty').set(auth(caseworker)).expect(200);
      await post(
        '/municipality/crisis-duty',
        { workerId: 'cw-ola', name: 'Ola', phone: '+4791234567', from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' },
        caseworker,
      ).expect(403);
      await post(`/municipality/participants/${participant()}/contact-person`, { contactPersonId: 'mw-siri' }, caseworker).expect(403);
    });
  });

  it('publishes the grant to the outbox keyed by the participant, and nothing about the rota', async () => {
    const id = participant();
    const { body } = await post(`/municipality/participants/${id}/services`, { kind: 'social-assistance' }).expect(201);
    const duty = { workerId: 'mw-eva', name: 'Eva Dahl', phone: '+4798765432', from: '2026-04-01T16:00:00Z', to: '2026-04-02T08:00:00Z' };
    const { body: scheduled } = await post('/municipality/crisis-duty', duty).expect(201);
    const rota = await store.readStream('municipality.crisis-rota-default');
    expect(rota.events.map((event) => event.data['shiftId'])).toContain(scheduled.shiftId);

    const outbox = await store.readOutbox(0, 100);
    const grants = outbox.filter((message) => message.key === id);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      type: 'MunicipalServiceGranted.v1',
      key: id,
      payload: {
        type: 'MunicipalServiceGranted',
        version: 1,
        source: 'municipality',
        participantId: id,
        occurredAt: NOW,
        recordedBy: { sub: 'mw-siri', agency: 'municipality', role: 'municipal-worker' },
        data: { serviceId: body.serviceId, kind: 'social-assistance', grantedFrom: '2026-03-02' },
      },
    });
    expect(outbox.filter((message) => message.key === 'default' || message.type.startsWith('Duty'))).toEqual([]);
    expect(outbox.every((message) => message.type.startsWith('Municipal'))).toBe(true);
  });

  it('documents every route in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(app.nest, new DocumentBuilder().addBearerAuth().build());
    expect(Object.keys(document.paths).sort()).toEqual([
      '/municipality/crisis-duty',
      '/municipality/crisis-duty/on-duty',
      '/municipality/crisis-duty/{shiftId}/cancel',
      '/municipality/participants/{id}/contact-person',
      '/municipality/participants/{id}/services',
      '/municipality/participants/{id}/services/{serviceId}/end',
    ]);
    expect(document.paths['/municipality/crisis-duty/on-duty']?.get?.parameters).toContainEqual(
      expect.objectContaining({ name: 'at', in: 'query', required: false }),
    );
  });
});
