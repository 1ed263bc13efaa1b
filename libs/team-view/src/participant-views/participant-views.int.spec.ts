import { randomUUID } from 'node:crypto';
import { Principal } from '@ips/access';
import { SharedEvent } from '@ips/contracts';
import { PgliteDriver } from '@ips/postgres';
import { visibleTo } from '../participant-record';
import { TEAM_VIEW_READ_MODELS, migrateTeamView, projectTeamView, rebuildTeamView } from '../team-view.projector';
import { loadTimelines } from './participant-views.projection';
import { ParticipantView, VIEW_AGENCIES, emptyView, evolveView, viewFor } from './participant-view';

const at = (day: number, hour = 9): string => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

const event = (source: SharedEvent['source'], participantId: string, occurredAt: string, type: string, data: Record<string, unknown>): SharedEvent => ({
  id: randomUUID(),
  type,
  version: 1,
  source,
  participantId,
  occurredAt,
  recordedBy: { sub: 'someone', agency: source, role: 'staff' },
  data,
});

const reader = (agency: string): Principal => ({ sub: `${agency}-reader`, agency, role: 'supervisor' }) as Principal;

/** Three participants' histories across agencies: consent given and withdrawn, an entry that arrives late, a redelivery. */
function histories(): { arrival: SharedEvent[][]; ids: string[] } {
  const [kari, ola, siri] = [randomUUID(), randomUUID(), randomUUID()];
  const wo = (id: string, day: number, type: string, data: Record<string, unknown>) => event('welfare-office', id, at(day), type, data);
  const mh = (id: string, day: number, type: string, data: Record<string, unknown>) => event('mental-health', id, at(day, 10), type, data);
  const mun = (id: string, day: number, type: string, data: Record<string, unknown>) => event('municipality', id, at(day, 11), type, data);
  const em = (id: string, day: number, type: string, data: Record<string, unknown>) => event('employer', id, at(day, 12), type, data);
  const referred = (id: string, name: string) =>
    wo(id, 1, 'ParticipantReferred', { givenName: name, familyName: 'Test', birthDate: '1990-01-01', referredBy: 'self' });
  const enrolled = (id: string) => wo(id, 2, 'ParticipantEnrolled', { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' });
  const late = mh(ola, 6, 'RelapseRiskFlagRaised', { flagId: 'f-late', level: 'high', reviewBy: '2026-01-20' });
  const twice = wo(siri, 4, 'EmployerContactMade', { employerId: 'e-1', contactedOn: '2026-01-04' });
  const arrival = [
    [referred(kari, 'Kari'), referred(ola, 'Ola'), referred(siri, 'Siri')],
    [enrolled(kari), enrolled(ola), mh(kari, 3, 'TreatmentTeamLinked', { teamName: 'DPS', clinicianId: 'dr-nils' })],
    [
      mh(kari, 4, 'RelapseRiskFlagRaised', { flagId: 'f-1', level: 'moderate', reviewBy: '2026-01-10' }),
      wo(kari, 5, 'ConsentGiven', { shareWith: ['mental-health'], employerDisclosure: false }),
    ],
    [
      wo(ola, 5, 'ConsentGiven', { shareWith: ['mental-health', 'municipality'], employerDisclosure: true }),
      mun(ola, 7, 'MunicipalContactAssigned', { contactPersonId: 'mw-per' }),
    ],
    [
      wo(kari, 8, 'EmployerContactMade', { employerId: 'e-1', contactedOn: '2026-01-08' }),
      em(kari, 9, 'ContactRequestReceived', {
        requestId: randomUUID(),
        urgency: 'urgent',
        acknowledgeBy: at(9, 14),
        tier: 'specialist',
        assigneeId: 'es-ingrid',
      }),
    ],
    [enrolled(siri), twice, late],
    [
      wo(ola, 9, 'ConsentWithdrawn', {}),
      twice,
      em(kari, 10, 'PlacementStarted', {
        placementId: 'p-1',
        employerId: 'e-1',
        jobTitle: 'Baker',
        startDate: '2026-01-12',
        hoursPerWeek: 20,
        hourlyWage: 200,
      }),
    ],
    [wo(siri, 11, 'ParticipantErased', {})],
  ];
  return { arrival, ids: [kari, ola, siri] };
}

describe('participant views: stored rows a fold of the log', () => {
  let db: PgliteDriver;
  const tables = TEAM_VIEW_READ_MODELS.flatMap((model) => model.tables);
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await db.query(`select * from ${table} order by 1, 2`)] as const)));
  const storedView = async (participantId: string, agency: string): Promise<ParticipantView | null> => {
    const [row] = await db.query<{ state: ParticipantView }>(
      `select v.state from tv_participants p join tv_participant_views v on v.participant_id = p.participant_id
        and v.view = case when $2 = any(p.circle) then 'circle' else $2 end where p.participant_id = $1`,
      [participantId, agency],
    );
    return row?.state ?? null;
  };

  beforeEach(async () => {
    db = await PgliteDriver.open();
    await migrateTeamView(db);
  });
  afterEach(() => db.close());

  it('gives each reader the fold of exactly the entries the consent in force lets them see, runs and late arrivals notwithstanding', async () => {
    const { arrival, ids } = histories();
    for (const run of arrival) await db.transaction((tx) => projectTeamView(run, tx));
    const timelines = await loadTimelines(db, ids);
    for (const id of ids) {
      for (const agency of VIEW_AGENCIES) {
        const visible = visibleTo(reader(agency), timelines.get(id) ?? []);
        const expected = visible.length === 0 ? null : JSON.parse(JSON.stringify(visible.reduce(evolveView, emptyView(id))));
        expect({ id, agency, view: await storedView(id, agency) }).toEqual({ id, agency, view: expected });
      }
    }
  });

  it('hides the other agencies’ entries at once when consent is withdrawn, and shows them while it is in force', async () => {
    const { arrival, ids } = histories();
    const [kari, ola] = ids as [string, string];
    for (const run of arrival) await db.transaction((tx) => projectTeamView(run, tx));
    // Kari: consent shares with mental health, so the clinician's view has the welfare office's contact with an employer.
    expect(viewFor('mental-health', { shareWith: ['mental-health'], employerDisclosure: false, recordedBy: 'welfare-office' })).toBe('circle');
    expect((await storedView(kari, 'mental-health'))?.summary.firstEmployerContactOn).toBe('2026-01-08');
    expect(await storedView(kari, 'municipality')).toBeNull();
    // Ola: consent withdrawn, so the municipality sees its own entry only, and mental health its own flag only.
    const municipal = await storedView(ola, 'municipality');
    expect(municipal?.summary.basedOn).toEqual(['municipality']);
    expect((await storedView(ola, 'mental-health'))?.summary.relapseRisk?.flagId).toBe('f-late');
    expect((await storedView(ola, 'mental-health'))?.summary.enrolledAt).toBeNull();
  });

  it('rebuilds every read model to the rows the live projection wrote, blue/green, and resumes a rebuild that stopped', async () => {
    const { arrival } = histories();
    for (const run of arrival) await db.transaction((tx) => projectTeamView(run, tx));
    const live = await snapshot();
    await db.exec("update tv_participant_views set state = '{}'::jsonb; delete from tv_caseload;");

    const stopped = await rebuildTeamView(db, { pageSize: 1, stopAfterPages: 1 });
    expect(stopped.complete).toBe(false);
    // The service still answers from the old tables meanwhile (the damaged ones, here).
    expect(await db.query('select count(*)::int as n from tv_caseload')).toEqual([{ n: 0 }]);

    const progress: number[] = [];
    const done = await rebuildTeamView(db, { pageSize: 1, onProgress: (p) => progress.push(p.done) });
    expect(done).toMatchObject({ complete: true, events: arrival.flat().length - 1 });
    expect(progress.length).toBe(2); // resumed after the first of three pages
    expect(await snapshot()).toEqual(live);
    expect(await db.query("select schema_name from information_schema.schemata where schema_name = 'tv_next'")).toEqual([]);
  });
});
