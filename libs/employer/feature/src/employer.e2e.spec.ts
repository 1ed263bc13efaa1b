import { randomUUID } from 'node:crypto';
import { TokenClaims } from '@ips/access';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { WelfareOfficeSharedEvent } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { EmployerModule, employerReaction } from './index';
import { noProgrammeTeams } from './contact-line/programme-teams.port';

const MINIMUM_HOURLY_WAGE = 200;

describe('the employer service over HTTP', () => {
  let app: FeatureTestApp;
  let store: PostgresEventStore;
  let specialist: string;

  const token = (claims: TokenClaims) => app.token(claims);
  const employerToken = (employerId: string) => token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId });
  const post = (route: string, body: object, bearer: string | null = specialist) => {
    const call = app.http().post(route);
    return (bearer ? call.set('Authorization', `Bearer ${bearer}`) : call).send(body);
  };

  const welfareOfficeEvent = { source: 'welfare-office', occurredAt: '2026-03-01T10:00:00.000Z' } as const;
  const recordedBy = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' };
  /** What the bus would deliver: the welfare office's shared event, through the exported reaction. */
  const deliver = async (event: WelfareOfficeSharedEvent): Promise<void> => {
    const command = employerReaction.react(event);
    if (!command) throw new Error(`no reaction to ${event.type}`);
    const outcome = await app.commands.execute(command);
    expect(outcome.ok).toBe(true);
  };
  const enrolledParticipant = async (): Promise<string> => {
    const participantId = randomUUID();
    await deliver({
      ...welfareOfficeEvent,
      id: randomUUID(),
      type: 'ParticipantEnrolled',
      version: 1,
      participantId,
      recordedBy,
      data: { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' },
    });
    return participantId;
  };
  /** The team links the employer to the participant, and the participant's consent discloses to employers. */
  const linkAndDisclose = async (participantId: string, employerId: string): Promise<void> => {
    const specialistRecorded = { ...welfareOfficeEvent, version: 1, participantId, recordedBy } as const;
    await deliver({
      ...specialistRecorded,
      id: randomUUID(),
      type: 'EmployerContactMade',
      data: { employerId, kind: 'face-to-face', contactedOn: '2026-02-27' },
    });
    await deliver({ ...specialistRecorded, id: randomUUID(), type: 'ConsentGiven', data: { shareWith: ['employer'], employerDisclosure: true } });
  };
  const registeredEmployer = async (): Promise<string> => {
    const { body } = await post('/employer/employers', { name: 'Trondheim Lager AS', organisationNumber: '912345678' }).expect(201);
    return body.employerId as string;
  };
  const placement = (participantId: string, employerId: string, overrides: object = {}) => ({
    participantId,
    employerId,
    jobTitle: 'Warehouse assistant',
    startDate: '2026-03-16',
    hoursPerWeek: 20,
    hourlyWage: 230,
    ...overrides,
  });
  const startedPlacement = async (): Promise<{ participantId: string; employerId: string; placementId: string }> => {
    const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
    const { body } = await post('/employer/placements', placement(participantId, employerId)).expect(201);
    return { participantId, employerId, placementId: body.placementId as string };
  };
  const placementRoute = (participantId: string, placementId: string, action: string) =>
    `/employer/participants/${participantId}/placements/${placementId}/${action}`;

  beforeAll(async () => {
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: MINIMUM_HOURLY_WAGE }, { teams: { useValue: noProgrammeTeams } })],
      now: '2026-03-02T09:00:00.000Z',
    });
    ({ store } = app);
    specialist = await token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
  });
  afterAll(() => app?.close());

  describe('register-employer: registering employers (POST /employer/employers)', () => {
    it('registers an employer under a new id (201)', async () => {
      const { body } = await post('/employer/employers', { name: 'Trondheim Lager AS', organisationNumber: '912345678' }).expect(201);
      expect(body.employerId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('refuses an organisation number that is not nine digits (422)', async () => {
      const refused = await post('/employer/employers', { name: 'Lager AS', organisationNumber: '12-34' }).expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('EMPLOYER.INVALID_ORGANISATION_NUMBER');
    });

    it('lets an employer register itself once, under the id its token names', async () => {
      const employerId = randomUUID();
      const own = await employerToken(employerId);
      const { body } = await post('/employer/employers', { name: 'Kafé Nidelven', organisationNumber: '923456789' }, own).expect(201);
      expect(body.employerId).toBe(employerId);
      const again = await post('/employer/employers', { name: 'Kafé Nidelven', organisationNumber: '923456789' }, own).expect(409);
      expect(again.body.code).toBe('EMPLOYER.ALREADY_REGISTERED');
    });
  });

  describe('the employer directory', () => {
    const list = (query: string, bearer: string = specialist) => app.http().get(`/employer/employers${query}`).set('Authorization', `Bearer ${bearer}`);

    it('lists the employers registered so far by name, for staff to pick from, and finds one by part of its name or number', async () => {
      const bakery = (await post('/employer/employers', { name: 'bakeriet Lade', organisationNumber: '976543210' }).expect(201)).body.employerId;
      const garage = (await post('/employer/employers', { name: 'Auto Øst AS', organisationNumber: '945678901' }).expect(201)).body.employerId;
      const { body } = await list('?limit=500').expect(200);
      const names = body.employers.map((employer: { name: string }) => employer.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(body.employers).toEqual(
        expect.arrayContaining([
          { employerId: bakery, name: 'bakeriet Lade', organisationNumber: '976543210', registeredAt: expect.stringMatching(/Z$/) },
          expect.objectContaining({ employerId: garage, name: 'Auto Øst AS' }),
        ]),
      );
      expect((await list('?search=BAKERI').expect(200)).body.employers.map((e: { employerId: string }) => e.employerId)).toEqual([bakery]);
      expect((await list('?search=7654321').expect(200)).body.employers.map((e: { employerId: string }) => e.employerId)).toEqual([bakery]);
      expect((await list('?limit=1').expect(200)).body.employers).toHaveLength(1);
    });

    it('is for the welfare office staff: an employer may not list the others (403)', async () => {
      await list('', await employerToken(randomUUID())).expect(403);
    });

    it.each([['?limit=0'], ['?limit=501'], ['?search='], ['?sort=name']])('refuses %s with 400 problem+json', async (query) => {
      const refused = await list(query).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('start-placement: starting placements (POST /employer/placements)', () => {
    it('note-enrolment: starts a competitive job for a participant noted enrolled from the bus (201 with the placement id)', async () => {
      const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
      const { body } = await post('/employer/placements', placement(participantId, employerId)).expect(201);
      expect(body.placementId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('refuses a wage below the configured minimum (422)', async () => {
      const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
      const refused = await post('/employer/placements', placement(participantId, employerId, { hourlyWage: 150 })).expect(422);
      expect(refused.body.code).toBe('PLACEMENT.WAGE_BELOW_MINIMUM');
    });

    it('refuses sheltered work: only competitive employment is a placement (422)', async () => {
      const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
      const refused = await post('/employer/placements', placement(participantId, employerId, { employmentType: 'sheltered' })).expect(422);
      expect(refused.body.code).toBe('PLACEMENT.NOT_COMPETITIVE');
    });

    it('refuses an employer nobody registered (404)', async () => {
      const refused = await post('/employer/placements', placement(await enrolledParticipant(), randomUUID())).expect(404);
      expect(refused.body.code).toBe('EMPLOYER.NOT_FOUND');
    });

    it('refuses a participant who is not enrolled (409)', async () => {
      const refused = await post('/employer/placements', placement(randomUUID(), await registeredEmployer())).expect(409);
      expect(refused.body.code).toBe('PARTICIPANT.NOT_ENROLLED');
    });

    it('note-discharge: refuses a participant the welfare office has discharged, noted from the bus (409)', async () => {
      const participantId = await enrolledParticipant();
      await deliver({
        ...welfareOfficeEvent,
        id: randomUUID(),
        type: 'ParticipantDischarged',
        version: 1,
        participantId,
        occurredAt: '2026-03-01T12:00:00.000Z',
        recordedBy,
        data: { reason: 'moved-away' },
      });
      const refused = await post('/employer/placements', placement(participantId, await registeredEmployer())).expect(409);
      expect(refused.body.code).toBe('PARTICIPANT.NOT_ENROLLED');
    });

    it('refuses unknown fields (400)', async () => {
      const body = placement(await enrolledParticipant(), await registeredEmployer(), { shelteredWorkshop: true });
      const refused = await post('/employer/placements', body).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'shelteredWorkshop', message: 'is not a known field' }]);
    });

    it('note-employer-link, note-consent: lets an employer the team linked, with the participant’s consent, start a placement at itself, not at another employer (403)', async () => {
      const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
      await linkAndDisclose(participantId, employerId);
      await post('/employer/placements', placement(participantId, employerId), await employerToken(employerId)).expect(201);
      const other = await post('/employer/placements', placement(participantId, employerId), await employerToken(randomUUID())).expect(403);
      expect(other.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('answers an employer the team has not linked as for an unknown participant (404), where staff get 201', async () => {
      const [participantId, employerId] = [await enrolledParticipant(), await registeredEmployer()];
      const own = await employerToken(employerId);
      const unlinked = await post('/employer/placements', placement(participantId, employerId), own).expect(404);
      const unknown = await post('/employer/placements', placement(randomUUID(), employerId), own).expect(404);
      expect(unlinked.body).toEqual(unknown.body);
      expect(unlinked.body).toMatchObject({ code: 'PARTICIPANT.NOT_FOUND', detail: 'no participant with this id that you may see' });
      await post('/employer/placements', placement(participantId, employerId)).expect(201);
    });

    it('publishes the start, keyed by the participant', async () => {
      const { participantId, employerId, placementId } = await startedPlacement();
      const outbox = await store.readOutbox(0, 100);
      const started = outbox.find((message) => message.type === 'PlacementStarted.v1' && message.key === participantId);
      expect(started?.payload).toMatchObject({
        type: 'PlacementStarted',
        source: 'employer',
        participantId,
        data: { placementId, employerId, jobTitle: 'Warehouse assistant', hoursPerWeek: 20, hourlyWage: 230 },
      });
    });
  });

  describe('record-follow-along-contact, change-placement-terms, end-placement: follow-along, terms and the end of a job', () => {
    it('record-follow-along-contact: records follow-along support (201)', async () => {
      const { participantId, placementId } = await startedPlacement();
      await post(placementRoute(participantId, placementId, 'follow-along-contacts'), {
        contactedOn: '2026-03-20',
        with: 'both',
        note: 'First week went well',
      }).expect(201);
    });

    it('change-placement-terms: changes the terms, but never to a wage below the minimum', async () => {
      const { participantId, placementId } = await startedPlacement();
      const route = placementRoute(participantId, placementId, 'terms');
      await post(route, { effectiveFrom: '2026-06-01', hoursPerWeek: 25, hourlyWage: 240 }).expect(201);
      const refused = await post(route, { effectiveFrom: '2026-07-01', hoursPerWeek: 25, hourlyWage: 100 }).expect(422);
      expect(refused.body.code).toBe('PLACEMENT.WAGE_BELOW_MINIMUM');
    });

    it('end-placement: ends a job without discharging: a new placement starts after it (201)', async () => {
      const { participantId, employerId, placementId } = await startedPlacement();
      await post(placementRoute(participantId, placementId, 'end'), { endDate: '2026-05-29', reason: 'contract-ended' }).expect(201);
      const again = await post(placementRoute(participantId, placementId, 'end'), { endDate: '2026-05-30', reason: 'other' }).expect(409);
      expect(again.body.code).toBe('PLACEMENT.ENDED');
      const next = placement(participantId, employerId, { jobTitle: 'Shop assistant', startDate: '2026-06-15' });
      const { body } = await post('/employer/placements', next).expect(201);
      expect(body.placementId).not.toBe(placementId);
    });

    it('refuses a placement that does not exist (404)', async () => {
      const refused = await post(placementRoute(await enrolledParticipant(), randomUUID(), 'follow-along-contacts'), {
        contactedOn: '2026-03-20',
        with: 'worker',
      }).expect(404);
      expect(refused.body.code).toBe('PLACEMENT.NOT_FOUND');
    });

    it("lets an employer record on its own placements only, never another employer's (403)", async () => {
      const { participantId, employerId, placementId } = await startedPlacement();
      const route = placementRoute(participantId, placementId, 'follow-along-contacts');
      const contact = { contactedOn: '2026-03-20', with: 'employer' };
      await post(route, contact, await employerToken(employerId)).expect(201);
      const other = await post(route, contact, await employerToken(randomUUID())).expect(403);
      expect(other.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('refuses a path id that is not a UUID (400)', async () => {
      const refused = await post(placementRoute('not-a-uuid', randomUUID(), 'end'), { endDate: '2026-05-29', reason: 'resigned' }).expect(400);
      expect(refused.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('who may', () => {
    it('refuses a request without a token (401)', async () => {
      const refused = await post('/employer/employers', { name: 'Lager AS', organisationNumber: '912345678' }, null).expect(401);
      expect(refused.body.code).toBe('AUTH.TOKEN_MISSING');
    });

    it('refuses the municipality (403)', async () => {
      const municipality = await token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' });
      const refused = await post('/employer/employers', { name: 'Lager AS', organisationNumber: '912345678' }, municipality).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
      const { participantId, placementId } = await startedPlacement();
      await post(placementRoute(participantId, placementId, 'end'), { endDate: '2026-05-29', reason: 'resigned' }, municipality).expect(403);
    });

    it('refuses a welfare-office caseworker: job development is the employment specialist’s (403)', async () => {
      const caseworker = await token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
      await post('/employer/employers', { name: 'Lager AS', organisationNumber: '912345678' }, caseworker).expect(403);
    });
  });
});
