/**
 * The scale bench's generator (tools/bench-scale): a small country (~30 participants) written through the command
 * pipeline into a fresh database on DATABASE_URL's server, projected by the embedded platform, then checked: every
 * shared event in the outbox passes its contract, the team view lists exactly the generated participants to a
 * supervisor of their team, and a long history's timeline has the entry types its commands make.
 * Skipped without DATABASE_URL outside CI, as the other server suites are; in CI that fails.
 */
import { randomBytes } from 'node:crypto';
import { contracts, isTeamEvent, teamContracts } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store';
import { PgDriver } from '@ips/postgres';
// tools/ is no Nx project: the bench's generator is tested where it lives, by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ParticipantPlan } from '../../tools/bench-scale/plan';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ProjectedCountry, ScaleDatabase, freshDatabase, generateCountry, startOn } from '../../tools/bench-scale/scale';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL && process.env.CI) {
  // As the other server suites: in CI a missing server is a failure, not a skip.
  throw new Error('DATABASE_URL is required in CI: the scale generator is tested against a PostgreSQL server');
}
const describeWithServer = DATABASE_URL ? describe : describe.skip;

describeWithServer('bench:scale generator', () => {
  let database: ScaleDatabase;
  let country: ProjectedCountry;

  beforeAll(async () => {
    database = await freshDatabase(DATABASE_URL as string, `int_${process.pid}_${randomBytes(3).toString('hex')}`);
    const generated = await generateCountry({ databaseUrl: database.url, participants: 30, seed: 7 });
    country = await startOn(database.url, generated);
  }, 60_000);

  afterAll(async () => {
    await country?.close();
    await database?.drop();
  });

  const get = async (path: string, actor: { sub: string; agency: string; role: string }): Promise<unknown> => {
    const token = await country.token({ sub: actor.sub, agency: actor.agency, role: actor.role });
    const response = await fetch(country.platform.url.replace(/\/$/, '') + path, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('writes histories that look real: one team, enrolled and discharged, over years', () => {
    const { plan, participants, events, outbox } = country.generated;
    expect(plan.teams).toHaveLength(1);
    expect(participants).toBe(30);
    const statuses = new Set(plan.participants.map((p) => p.status));
    expect(statuses).toContain('enrolled');
    expect(statuses).toContain('discharged');
    const kinds = new Set(plan.participants.flatMap((p) => p.steps.map((step) => step.kind)));
    for (const kind of ['refer', 'enrol', 'consent', 'contact', 'employer-contact', 'start-placement', 'end-placement', 'raise-flag', 'clear-flag', 'discharge']) {
      expect(kinds).toContain(kind);
    }
    expect(events).toBeGreaterThan(participants * 10);
    expect(outbox).toBeGreaterThan(participants * 10);
    // Spread over the five years before the end.
    const referred = plan.participants.map((p) => (p.steps[0] as { at: string }).at).sort();
    expect(Date.parse(plan.end) - Date.parse(referred[0] as string)).toBeGreaterThan(3 * 365 * 86_400_000);
  });

  it('puts only shared events that pass their contracts in the outbox, sealed as the pipeline seals them', async () => {
    const db = new PgDriver({ connectionString: database.url });
    try {
      const store = await PostgresEventStore.open(db);
      const messages = await store.readOutbox(0, 1_000_000);
      expect(messages.length).toBe(country.generated.outbox);
      const types = new Set<string>();
      for (const message of messages) {
        const payload = message.payload as Record<string, unknown>;
        const checked = isTeamEvent(payload as never) ? teamContracts.validate(payload) : contracts.validate(payload);
        if (!checked.ok) throw new Error(`${message.type}: ${checked.reason} ${JSON.stringify(checked.errors)}`);
        types.add(message.type);
      }
      expect([...types]).toEqual(expect.arrayContaining(['ParticipantReferred.v2', 'ParticipantEnrolled.v1', 'ConsentGiven.v1', 'PlacementStarted.v1', 'TeamDefined.v1']));
      // A referral's names are sealed with the participant's key: no name in the clear.
      const referral = messages.find((message) => message.type === 'ParticipantReferred.v2');
      const referred = country.generated.plan.participants.find((p) => p.participantId === referral?.key) as ParticipantPlan;
      const step = referred.steps[0] as { data: { givenName: string; familyName: string } };
      expect(JSON.stringify(referral?.payload)).not.toContain(`"familyName":"${step.data.familyName}"`);
      expect(JSON.stringify(referral?.payload)).toContain('"familyName"');
    } finally {
      await db.close();
    }
  });

  it("lists exactly the team's generated participants to its supervisor", async () => {
    const { plan } = country.generated;
    const team = plan.teams[0];
    if (!team) throw new Error('no team');
    const body = (await get('/team-view/participants?scope=all', team.supervisor)) as { participants?: { participantId: string }[] } | { participantId: string }[];
    const listed = (Array.isArray(body) ? body : (body.participants ?? [])).map((row) => row.participantId).sort();
    expect(listed).toEqual(plan.participants.map((p) => p.participantId).sort());
  });

  it("shows a long history's timeline with the entry types its commands make", async () => {
    const { plan } = country.generated;
    const longest = plan.participants.reduce((best, p) => (p.steps.length > best.steps.length ? p : best));
    const owner = plan.teams[0]?.specialists.find((s) => s.sub === longest.specialist);
    if (!owner) throw new Error('no specialist');
    const body = (await get(`/team-view/participants/${longest.participantId}/timeline`, owner)) as { entries?: { type: string }[] } | { type: string }[];
    const entries = Array.isArray(body) ? body : (body.entries ?? []);
    const types = new Set(entries.map((entry) => entry.type));
    const expected: Record<string, string> = {
      refer: 'ParticipantReferred',
      enrol: 'ParticipantEnrolled',
      consent: 'ConsentGiven',
      contact: 'ParticipantContactRecorded',
      'employer-contact': 'EmployerContactMade',
      'start-placement': 'PlacementStarted',
      'end-placement': 'PlacementEnded',
      'raise-flag': 'RelapseRiskFlagRaised',
      'clear-flag': 'RelapseRiskFlagCleared',
      discharge: 'ParticipantDischarged',
    };
    for (const kind of new Set(longest.steps.map((step) => step.kind))) {
      if (expected[kind]) expect(types).toContain(expected[kind]);
    }
    expect(entries.length).toBeGreaterThanOrEqual(longest.steps.length);
  });
});
