import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { ParticipantDischargedV1, ParticipantEnrolledV1, isSealed } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { streamId } from '@ips/kernel';
import { MentalHealthModule, mentalHealthReaction, participantCareSlice } from './index';
import { NoteEnrolmentCommand } from './note-enrolment/note-enrolment.command';

const NOW = '2026-03-10T10:00:00.000Z';
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

describe('the mental-health service’s part of the record over HTTP', () => {
  let app: FeatureTestApp;
  let store: PostgresEventStore;
  let clinician: string;
  let supervisor: string;
  let caseworker: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (route: string, body: object, token = clinician) => app.http().post(route).set(auth(token)).send(body);
  const base = (participantId: string) => `/mental-health/participants/${participantId}`;
  const flag = { level: 'elevated', reviewBy: '2026-03-24', actions: ['clinician calls weekly'] };

  /** What the welfare office's ParticipantEnrolled would have noted here, without the welfare office. */
  const enrolledParticipant = async (): Promise<string> => {
    const participantId = randomUUID();
    const command = new NoteEnrolmentCommand(
      { participantId, employmentSpecialistId: 'es-ingrid' },
      { actor: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' }, now: NOW, correlationId: randomUUID() },
    );
    const outcome = await app.commands.execute(command);
    expect(outcome.ok).toBe(true);
    return participantId;
  };

  beforeAll(async () => {
    app = await startFeatureTestApp({ imports: [MentalHealthModule.withTeamDirectory({ useValue: teams })], now: NOW });
    ({ store } = app);
    clinician = await app.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    supervisor = await app.token({ sub: 'dr-berg', agency: 'mental-health', role: 'supervisor' });
    caseworker = await app.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });

  afterAll(() => app?.close());

  it('raise-relapse-flag: raises a relapse-risk flag (201 with its id) and publishes RelapseRiskFlagRaised.v1 keyed by the participant', async () => {
    const id = await enrolledParticipant();
    const raised = await post(`${base(id)}/relapse-flags`, flag).expect(201);
    expect(raised.body).toEqual({ flagId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const outbox = await store.readOutbox(0, 100);
    const message = outbox.find((entry) => entry.key === id && entry.type === 'RelapseRiskFlagRaised.v1');
    expect(message).toBeDefined();
    const payload = message?.payload as { data: { actions: unknown[] } };
    expect(payload.data.actions.every(isSealed)).toBe(true);
    expect({ ...payload, data: await app.personalData.openOne(id, payload.data) }).toMatchObject({
      participantId: id,
      source: 'mental-health',
      data: { flagId: raised.body.flagId, ...flag },
      recordedBy: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' },
    });
    expect(JSON.stringify(message?.payload)).not.toMatch(/diagnos/i);
  });

  it('raise-relapse-flag: raises with no actions when they are left out', async () => {
    const id = await enrolledParticipant();
    const { body } = await post(`${base(id)}/relapse-flags`, { level: 'watch', reviewBy: '2026-03-10' }, supervisor).expect(201);
    const outbox = await store.readOutbox(0, 1000);
    const message = outbox.find((entry) => (entry.payload as { data: { flagId?: string } }).data.flagId === body.flagId);
    expect(message?.payload).toMatchObject({ data: { level: 'watch', reviewBy: '2026-03-10', actions: [] } });
  });

  it('raise-relapse-flag: keeps one open flag at a time (409 RELAPSE_FLAG.ALREADY_OPEN)', async () => {
    const id = await enrolledParticipant();
    await post(`${base(id)}/relapse-flags`, flag).expect(201);
    const refused = await post(`${base(id)}/relapse-flags`, { ...flag, level: 'acute' }).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'RELAPSE_FLAG.ALREADY_OPEN' });
  });

  it('clear-relapse-flag: clears a flag (201), not twice (409 RELAPSE_FLAG.NOT_RAISED), and then a new one may be raised', async () => {
    const id = await enrolledParticipant();
    const { body } = await post(`${base(id)}/relapse-flags`, flag).expect(201);
    await post(`${base(id)}/relapse-flags/${body.flagId}/clear`, { reason: 'stable for four weeks' }).expect(201);
    const again = await post(`${base(id)}/relapse-flags/${body.flagId}/clear`, {}).expect(409);
    expect(again.body.code).toBe('RELAPSE_FLAG.NOT_RAISED');
    await post(`${base(id)}/relapse-flags`, flag).expect(201);

    const types = (await store.readOutbox(0, 1000)).filter((entry) => entry.key === id).map((entry) => entry.type);
    expect(types).toEqual(['RelapseRiskFlagRaised.v1', 'RelapseRiskFlagCleared.v1', 'RelapseRiskFlagRaised.v1']);
  });

  it('change-relapse-flag: changes the open flag (201), but never to a review date in the past (422)', async () => {
    const id = await enrolledParticipant();
    const { body } = await post(`${base(id)}/relapse-flags`, flag).expect(201);
    await post(`${base(id)}/relapse-flags/${body.flagId}/changes`, { level: 'acute', reviewBy: '2026-03-12' }).expect(201);
    const past = await post(`${base(id)}/relapse-flags/${body.flagId}/changes`, { ...flag, reviewBy: '2026-03-09' }).expect(422);
    expect(past.body.code).toBe('RELAPSE_FLAG.REVIEW_DATE_IN_PAST');
    const unknown = await post(`${base(id)}/relapse-flags/${randomUUID()}/changes`, flag).expect(409);
    expect(unknown.body.code).toBe('RELAPSE_FLAG.NOT_RAISED');

    const changed = (await store.readOutbox(0, 1000)).filter((entry) => entry.key === id && entry.type === 'RelapseRiskFlagChanged.v1');
    expect(changed.map((entry) => entry.payload)).toMatchObject([{ data: { level: 'acute', reviewBy: '2026-03-12', actions: [] } }]);
  });

  it('refuses a flag for a participant not enrolled here (409 PARTICIPANT.NOT_ENROLLED)', async () => {
    const refused = await post(`${base(randomUUID())}/relapse-flags`, flag).expect(409);
    expect(refused.body.code).toBe('PARTICIPANT.NOT_ENROLLED');
  });

  it('link-treatment-team, record-integration-meeting, end-treatment: links the treatment team, records an integration meeting and ends treatment (201 each)', async () => {
    const id = await enrolledParticipant();
    await post(`${base(id)}/treatment-team`, { teamName: 'DPS Lerkendal, team 2', clinicianId: 'dr-lie' }).expect(201);
    await post(`${base(id)}/integration-meetings`, {
      heldOn: '2026-03-09',
      attendees: ['dr-lie', 'es-ingrid'],
      decisions: ['specialist joins the weekly team meeting'],
    }).expect(201);
    await post(`${base(id)}/treatment-end`, { endedOn: '2026-03-10' }).expect(201);
    const again = await post(`${base(id)}/treatment-end`, { endedOn: '2026-03-10', reason: 'twice' }).expect(409);
    expect(again.body.code).toBe('TREATMENT.ALREADY_ENDED');

    const types = (await store.readOutbox(0, 1000)).filter((entry) => entry.key === id).map((entry) => entry.type);
    expect(types).toEqual(['TreatmentTeamLinked.v1', 'IntegrationMeetingHeld.v1', 'TreatmentEnded.v1']);
  });

  it("once teams are defined, links only a clinician of the participant's team (422 TEAM.NOT_A_MEMBER, nothing written)", async () => {
    const id = await enrolledParticipant();
    teams.onTeam.add(id);
    teams.members.push({ sub: 'dr-team', agency: 'mental-health', role: 'clinician' }, { sub: 'dr-sup', agency: 'mental-health', role: 'supervisor' });
    try {
      const before = (await store.readOutbox(0, 10_000)).length;
      for (const clinicianId of ['dr-lie', 'dr-sup']) {
        const refused = await post(`${base(id)}/treatment-team`, { teamName: 'DPS Lerkendal, team 2', clinicianId }).expect(422);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(/^clinicianId: /) });
      }
      expect((await store.readOutbox(0, 10_000)).length).toBe(before);
      await post(`${base(id)}/treatment-team`, { teamName: 'DPS Lerkendal, team 2', clinicianId: 'dr-team' }).expect(201);
    } finally {
      teams.members.length = 0;
    }
  });

  it('refuses a meeting without attendees (422) and ending treatment without a team (409)', async () => {
    const id = await enrolledParticipant();
    const empty = await post(`${base(id)}/integration-meetings`, { heldOn: '2026-03-09', attendees: [], decisions: [] }).expect(422);
    expect(empty.body.code).toBe('INTEGRATION_MEETING.NO_ATTENDEES');
    const noTeam = await post(`${base(id)}/treatment-end`, { endedOn: '2026-03-10' }).expect(409);
    expect(noTeam.body.code).toBe('TREATMENT.NO_TEAM');
  });

  it('refuses a level it does not know (400, errors name the field)', async () => {
    const id = await enrolledParticipant();
    const refused = await post(`${base(id)}/relapse-flags`, { ...flag, level: 'severe' }).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('REQUEST.INVALID');
    expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'level' })]));
  });

  it('refuses unknown fields such as a diagnosis (400)', async () => {
    const id = await enrolledParticipant();
    const refused = await post(`${base(id)}/relapse-flags`, { ...flag, diagnosis: 'F20.0' }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'diagnosis', message: 'is not a known field' }]);
    expect((await store.readOutbox(0, 1000)).filter((entry) => entry.key === id)).toEqual([]);
  });

  it('refuses bad dates and ids in the path (400)', async () => {
    const id = await enrolledParticipant();
    const date = await post(`${base(id)}/relapse-flags`, { ...flag, reviewBy: '2026-02-30' }).expect(400);
    expect(date.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reviewBy' })]));
    const flagId = await post(`${base(id)}/relapse-flags/not-a-uuid/clear`, {}).expect(400);
    expect(flagId.body.code).toBe('REQUEST.INVALID_ID');
    const participant = await post(`${base('not-a-uuid')}/relapse-flags`, flag).expect(400);
    expect(participant.body.code).toBe('REQUEST.INVALID_ID');
  });

  it('lets only mental-health staff in: a welfare-office token gets 403, no token 401', async () => {
    const id = await enrolledParticipant();
    const forbidden = await post(`${base(id)}/relapse-flags`, flag, caseworker).expect(403);
    expect(forbidden.body.code).toBe('AUTH.FORBIDDEN');
    const missing = await app
      .http()
      .post(`${base(id)}/relapse-flags`)
      .send(flag)
      .expect(401);
    expect(missing.body.code).toBe('AUTH.TOKEN_MISSING');
  });

  it('note-enrolment: notes an enrolment from the welfare office’s shared event through its reaction, once', async () => {
    const participantId = randomUUID();
    const enrolled: ParticipantEnrolledV1 = {
      id: randomUUID(),
      type: 'ParticipantEnrolled',
      version: 1,
      source: 'welfare-office',
      participantId,
      occurredAt: NOW,
      recordedBy: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
      data: { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' },
    };
    const { group, react } = mentalHealthReaction;
    expect(group).toBe('mental-health');
    for (let delivery = 0; delivery < 2; delivery++) {
      const command = react(enrolled);
      if (!command) throw new Error('expected a command');
      expect(await app.commands.execute(command)).toMatchObject({ ok: true });
    }
    expect((await store.readStream(streamId(participantCareSlice.aggregate.category, participantId))).events.map((event) => event.type)).toEqual([
      'EnrolmentNoted',
    ]);
    await post(`${base(participantId)}/relapse-flags`, flag).expect(201);
  });

  it('note-discharge: notes a discharge from the welfare office’s shared event through its reaction, once; no new flag after it', async () => {
    const participantId = await enrolledParticipant();
    const discharged: ParticipantDischargedV1 = {
      id: randomUUID(),
      type: 'ParticipantDischarged',
      version: 1,
      source: 'welfare-office',
      participantId,
      occurredAt: NOW,
      recordedBy: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
      data: { reason: 'moved-away' },
    };
    for (let delivery = 0; delivery < 2; delivery++) {
      const command = mentalHealthReaction.react(discharged);
      if (!command) throw new Error('expected a command');
      expect(await app.commands.execute(command)).toMatchObject({ ok: true });
    }
    expect((await store.readStream(streamId(participantCareSlice.aggregate.category, participantId))).events.map((event) => event.type)).toEqual([
      'EnrolmentNoted',
      'DischargeNoted',
    ]);
    const refused = await post(`${base(participantId)}/relapse-flags`, flag).expect(409);
    expect(refused.body.code).toBe('PARTICIPANT.NOT_ENROLLED');
  });
});
