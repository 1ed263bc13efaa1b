import { randomUUID } from 'node:crypto';
import { TokenClaims } from '@ips/access';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { DEFAULT_TEAM_ID, isSealed } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { metadataAt } from '@ips/testing';
import { accept, streamId } from '@ips/kernel';
import { ParticipantEvent, participantAggregate } from '@ips/welfare-office/domain';
import { WelfareOfficeModule } from './index';
import { participantSlice } from './participant.slice';
import { InMemoryTeamRegistry } from './testing';

const NOW = '2026-03-02T09:00:00.000Z';
const TODAY = '2026-03-02';
const heimdal = '0190a6f0-0000-7000-8000-00000000b001';
const sentrum = '0190a6f0-0000-7000-8000-00000000b002';

describe('teams in the welfare office over HTTP: referrals name one, transfers move between them', () => {
  const teams = new InMemoryTeamRegistry();
  let app: FeatureTestApp;
  let store: PostgresEventStore;
  let caseworker: string;

  const token = (claims: TokenClaims) => app.token(claims);
  const post = (route: string, body: object) => app.http().post(route).set('Authorization', `Bearer ${caseworker}`).send(body);
  const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };
  const stream = async (participantId: string) => (await store.readStream(streamId(participantAggregate.category, participantId))).events;
  const published = async (participantId: string) => (await store.readOutbox(0, 10_000)).filter((message) => message.key === participantId);
  /** Every event and outbox message in the store: a refusal leaves both as they were. */
  const everything = async () => ({ events: (await store.readAll(0, 100_000)).length, outbox: (await store.readOutbox(0, 100_000)).length });
  const refer = async (teamId?: string): Promise<string> => {
    // Someone new each time: the same person twice in a team of the referrer's would be a possible duplicate (409).
    const someone = { ...person, givenName: `Kari ${randomUUID().slice(0, 8)}` };
    const { body } = await post('/welfare-office/referrals', { ...someone, ...(teamId ? { teamId } : {}) }).expect(201);
    return body.participantId as string;
  };
  const transfer = (participantId: string, body: object) => post(`/welfare-office/participants/${participantId}/transfer`, body);
  const specialist = { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' };
  const contactPerson = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' };
  const enrol = (participantId: string, body: object) => post(`/welfare-office/participants/${participantId}/enrolment`, body);
  const moveToSentrum = { toTeamId: sentrum, reason: 'Moved to the city centre; the team there takes over' };

  beforeAll(async () => {
    app = await startFeatureTestApp({ imports: [WelfareOfficeModule.withTeamRegistry({ useValue: teams })], now: NOW });
    ({ store } = app);
    caseworker = await token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });

  beforeEach(() => teams.clear());

  afterAll(() => app?.close());

  describe('refer-participant: POST /welfare-office/referrals', () => {
    it('while no team is defined, refers without one to the default team (ParticipantReferred v2)', async () => {
      const participantId = await refer();
      const [referred] = await stream(participantId);
      expect(referred?.data).toMatchObject({ teamId: DEFAULT_TEAM_ID });
      const [message] = await published(participantId);
      expect(message?.type).toBe('ParticipantReferred.v2');
      expect(message?.payload).toMatchObject({ version: 2, data: { teamId: DEFAULT_TEAM_ID } });
    });

    it('refers to the team named', async () => {
      teams.define(heimdal, sentrum);
      const participantId = await refer(heimdal);
      expect((await stream(participantId))[0]?.data).toMatchObject({ teamId: heimdal });
      expect((await published(participantId))[0]?.payload).toMatchObject({ data: { teamId: heimdal } });
    });

    it('refuses a team the programme has not defined (404 TEAM.NOT_FOUND), writing nothing', async () => {
      teams.define(heimdal);
      const before = await everything();
      const refused = await post('/welfare-office/referrals', { ...person, teamId: sentrum }).expect(404);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('TEAM.NOT_FOUND');
      expect(await everything()).toEqual(before);
    });

    it('refuses a referral without a team once a team is defined (400), writing nothing', async () => {
      teams.define(heimdal);
      const before = await everything();
      const refused = await post('/welfare-office/referrals', person).expect(400);
      expect(refused.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'teamId', message: 'is required once teams are defined' }] });
      expect(await everything()).toEqual(before);
    });

    it('refuses a team id that is not a UUID (400)', async () => {
      const refused = await post('/welfare-office/referrals', { ...person, teamId: 'heimdal' }).expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['teamId']);
    });
  });

  describe('transfer-participant: POST /welfare-office/participants/:id/transfer', () => {
    it('moves the participant from today (201), publishing ParticipantTransferred v1 with the reason sealed', async () => {
      teams.define(heimdal, sentrum);
      const participantId = await refer(heimdal);
      const answer = await transfer(participantId, moveToSentrum).expect(201);
      expect(answer.body).toEqual({});

      const moved = (await stream(participantId)).at(-1);
      expect(moved?.type).toBe('ParticipantTransferred');
      expect(moved?.data).toMatchObject({ participantId, fromTeamId: heimdal, toTeamId: sentrum, on: TODAY, at: NOW });
      expect(isSealed(moved?.data['reason'])).toBe(true);

      const message = (await published(participantId)).at(-1);
      expect(message?.type).toBe('ParticipantTransferred.v1');
      const data = (message?.payload as { data: Record<string, unknown> }).data;
      expect(data).toMatchObject({ fromTeamId: heimdal, toTeamId: sentrum, on: TODAY });
      expect(isSealed(data['reason'])).toBe(true);
      expect(await app.personalData.open(participantId, [data])).toEqual([{ ...data, reason: moveToSentrum.reason }]);
    });

    it('takes the first day with the new team ahead of time, keeping every move in order', async () => {
      teams.define(heimdal, sentrum);
      const participantId = await refer(heimdal);
      await transfer(participantId, { ...moveToSentrum, on: '2026-03-10' }).expect(201);
      await transfer(participantId, { toTeamId: heimdal, reason: 'Moved back', on: '2026-03-20' }).expect(201);
      const moves = (await stream(participantId)).filter((event) => event.type === 'ParticipantTransferred').map((event) => event.data);
      expect(moves).toMatchObject([
        { fromTeamId: heimdal, toTeamId: sentrum, on: '2026-03-10' },
        { fromTeamId: sentrum, toTeamId: heimdal, on: '2026-03-20' },
      ]);
    });

    it('moves a participant referred before teams existed out of the default team', async () => {
      const participantId = randomUUID();
      const legacy: ParticipantEvent = {
        type: 'ParticipantReferred',
        data: { participantId, ...person, reason: null, referredAt: '2025-11-03T09:00:00.000Z' },
      };
      const arrange = { type: 'ReferParticipant', data: {}, metadata: metadataAt('2025-11-03T09:00:00.000Z') };
      const arranged = await app.pipeline.run(participantSlice, participantId, arrange, () => accept(legacy));
      expect(arranged.ok).toBe(true);
      expect((await stream(participantId))[0]?.data).not.toHaveProperty('teamId');

      teams.define(sentrum);
      await transfer(participantId, moveToSentrum).expect(201);
      expect((await stream(participantId)).at(-1)?.data).toMatchObject({ fromTeamId: DEFAULT_TEAM_ID, toTeamId: sentrum });
    });

    describe('refusals: a stable code, and nothing written', () => {
      const refusedWith = async (participantId: string, body: object, status: number, code: string) => {
        const before = { stream: (await stream(participantId)).length, ...(await everything()) };
        const refused = await transfer(participantId, body).expect(status);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body.code).toBe(code);
        expect({ stream: (await stream(participantId)).length, ...(await everything()) }).toEqual(before);
        return refused.body;
      };

      it('an unknown participant (404 PARTICIPANT.NOT_FOUND)', async () => {
        teams.define(heimdal, sentrum);
        await refusedWith(randomUUID(), moveToSentrum, 404, 'PARTICIPANT.NOT_FOUND');
      });

      it('a team the programme has not defined (404 TEAM.NOT_FOUND)', async () => {
        teams.define(heimdal);
        await refusedWith(await refer(heimdal), moveToSentrum, 404, 'TEAM.NOT_FOUND');
      });

      it('the team the participant is in (409 TEAM.SAME_TEAM)', async () => {
        teams.define(heimdal, sentrum);
        await refusedWith(await refer(heimdal), { ...moveToSentrum, toTeamId: heimdal }, 409, 'TEAM.SAME_TEAM');
      });

      it('a withdrawn referral (409 PARTICIPANT.REFERRAL_CLOSED)', async () => {
        teams.define(heimdal, sentrum);
        const participantId = await refer(heimdal);
        await post(`/welfare-office/participants/${participantId}/referral-withdrawal`, { reason: 'Not now' }).expect(201);
        await refusedWith(participantId, moveToSentrum, 409, 'PARTICIPANT.REFERRAL_CLOSED');
      });

      it('a discharged participant (409 PARTICIPANT.ALREADY_DISCHARGED)', async () => {
        teams.define(heimdal, sentrum).addMember(heimdal, specialist).addMember(heimdal, contactPerson);
        const participantId = await refer(heimdal);
        await post(`/welfare-office/participants/${participantId}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }).expect(201);
        await post(`/welfare-office/participants/${participantId}/discharge`, { reason: 'moved-away' }).expect(201);
        await refusedWith(participantId, moveToSentrum, 409, 'PARTICIPANT.ALREADY_DISCHARGED');
      });

      it("a day more than 30 days back or ahead, or before the current team's first day (422 TRANSFER.DATE_OUT_OF_RANGE)", async () => {
        teams.define(heimdal, sentrum);
        const participantId = await refer(heimdal);
        const back = await refusedWith(participantId, { ...moveToSentrum, on: '2026-01-30' }, 422, 'TRANSFER.DATE_OUT_OF_RANGE');
        expect(back.detail).toContain('2026-01-31 to 2026-04-01');
        await refusedWith(participantId, { ...moveToSentrum, on: '2026-04-02' }, 422, 'TRANSFER.DATE_OUT_OF_RANGE');
        await transfer(participantId, { ...moveToSentrum, on: '2026-03-10' }).expect(201);
        const before = await refusedWith(participantId, { toTeamId: heimdal, reason: 'Back', on: '2026-03-09' }, 422, 'TRANSFER.DATE_OUT_OF_RANGE');
        expect(before.detail).toContain('from 2026-03-10');
      });

      it('bad input (400): no reason, a team id that is not a UUID, an unknown field', async () => {
        teams.define(heimdal, sentrum);
        const participantId = await refer(heimdal);
        const fields = async (body: object) => [
          ...new Set(((await refusedWith(participantId, body, 400, 'REQUEST.INVALID')).errors as { field: string }[]).map((error) => error.field)),
        ];
        expect(await fields({ toTeamId: sentrum })).toEqual(['reason']);
        expect(await fields({ ...moveToSentrum, toTeamId: 'sentrum' })).toEqual(['toTeamId']);
        expect(await fields({ ...moveToSentrum, team: 'sentrum' })).toEqual(['team']);
        expect(await fields({ ...moveToSentrum, reason: 'x'.repeat(2001) })).toEqual(['reason']);
      });
    });
  });

  describe("enrol-participant: POST /welfare-office/participants/:id/enrolment names people of the participant's team", () => {
    const named = { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' };

    it('while no team is defined, names anyone (as before teams)', async () => {
      await enrol(await refer(), { employmentSpecialistId: 'es-anyone', contactPersonId: 'cw-anyone' }).expect(201);
    });

    it("once teams are defined, enrols with an employment specialist and a caseworker of the participant's team", async () => {
      teams.addMember(heimdal, specialist).addMember(heimdal, contactPerson);
      const participantId = await refer(heimdal);
      await enrol(participantId, named).expect(201);
      expect((await stream(participantId)).at(-1)?.data).toEqual({ participantId, ...named, enrolledAt: NOW });
    });

    it('refuses, naming the field, someone not on the team, on another team, or in another role (422 TEAM.NOT_A_MEMBER, nothing written)', async () => {
      teams
        .define(sentrum)
        .addMember(heimdal, specialist)
        .addMember(heimdal, contactPerson)
        .addMember(sentrum, { ...specialist, sub: 'es-per' });
      teams.addMember(heimdal, { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
      const participantId = await refer(heimdal);
      const cases: [object, string][] = [
        [{ ...named, employmentSpecialistId: 'es-nobody' }, 'employmentSpecialistId'],
        [{ ...named, employmentSpecialistId: 'es-per' }, 'employmentSpecialistId'],
        [{ ...named, employmentSpecialistId: 'sup-siri' }, 'employmentSpecialistId'],
        [{ ...named, contactPersonId: 'es-ingrid' }, 'contactPersonId'],
        [{ ...named, contactPersonId: 'cw-nobody' }, 'contactPersonId'],
      ];
      const before = { stream: (await stream(participantId)).length, ...(await everything()) };
      for (const [body, field] of cases) {
        const refused = await enrol(participantId, body).expect(422);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(new RegExp(`^${field}: `)) });
      }
      expect({ stream: (await stream(participantId)).length, ...(await everything()) }).toEqual(before);
    });

    it('never replaces the people named: a second enrolment is 409 PARTICIPANT.ALREADY_ENROLLED', async () => {
      teams
        .addMember(heimdal, specialist)
        .addMember(heimdal, contactPerson)
        .addMember(heimdal, { ...specialist, sub: 'es-per' });
      const participantId = await refer(heimdal);
      await enrol(participantId, named).expect(201);
      const again = await enrol(participantId, { ...named, employmentSpecialistId: 'es-per' }).expect(409);
      expect(again.body.code).toBe('PARTICIPANT.ALREADY_ENROLLED');
      expect((await stream(participantId)).filter((event) => event.type === 'ParticipantEnrolled')).toHaveLength(1);
    });
  });
});
