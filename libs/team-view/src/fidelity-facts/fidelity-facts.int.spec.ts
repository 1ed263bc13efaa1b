import { Principal } from '@ips/access';
import { SharedEvent } from '@ips/contracts';
import { TeamDirectory } from '@ips/team-directory';
import { TestDatabase, directoryEngines } from '@ips/team-directory/testing';
import { SqlDriver } from '@ips/postgres';
import { deliveriesOf } from '@ips/messaging/testing';
import { uuidv7 } from '@ips/utils';
import { Fidelity, Period, factsOf, fidelityFor, withholdUnseen } from '@ips/fidelity';
import { createTeamViewConsumer, rebuildTeamViewReadModels } from '../team-view.projector';
import { loadTeamEvents } from '../team-events';
import { latestConsent, visibleTo } from '../participant-record';
import { programmeFidelity, programmeFidelityOf } from '../programme-figures/programme-fidelity';
import { fidelityColumnsByTeam } from '../programme-figures/programme-figures.query';
import { FidelityFacts, sharedEventsOf } from './fidelity-facts.evolve';
import { loadFidelityFacts } from './fidelity-facts.query';
import { busArrivals, seededRandom } from '../shared-event.testing';

const DAY = 86_400_000;
const dayOf = (base: string, offset: number): string => new Date(Date.parse(base) + offset * DAY).toISOString().slice(0, 10);
const SPECIALISTS = ['es-1', 'es-2', 'es-3'];
const EMPLOYERS = Array.from({ length: 6 }, () => uuidv7());

/**
 * A participant's history as the agencies record it: enrolment (rarely two), consent (sometimes withdrawn), a treatment
 * team, contacts with them and with employers (some by another specialist or a caseworker), career profiles, benefits
 * counselling, up to three jobs with terms changes, follow-along and ends, a discharge for some. Some events happen at
 * the same moment (arrival decides their order), some are recorded days late.
 */
function history(participantId: string, next: () => number): SharedEvent[] {
  const pick = (n: number): number => Math.floor(next() * n);
  const at = (day: string, hour = 8 + pick(10)): string => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const specialist = SPECIALISTS[pick(3)] as string;
  const by = () =>
    pick(6) === 0
      ? { sub: SPECIALISTS[pick(3)] as string, agency: 'welfare-office', role: 'employment-specialist' }
      : pick(8) === 0
        ? { sub: 'cw-1', agency: 'welfare-office', role: 'caseworker' }
        : { sub: specialist, agency: 'welfare-office', role: 'employment-specialist' };
  const make = (source: SharedEvent['source'], type: string, occurredAt: string, data: Record<string, unknown>, recordedBy = by()): SharedEvent => ({
    id: uuidv7(),
    type,
    version: 1,
    source,
    participantId,
    occurredAt,
    recordedBy,
    data,
  });
  const employer = { sub: 'emp-1', agency: 'employer', role: 'employer' };
  const enrolledOn = dayOf('2025-01-01', pick(500));
  const events = [make('welfare-office', 'ParticipantEnrolled', at(enrolledOn, 9), { employmentSpecialistId: specialist, contactPersonId: 'cw-1' })];
  if (pick(12) === 0)
    events.push(
      make('welfare-office', 'ParticipantEnrolled', at(dayOf(enrolledOn, 3 + pick(30))), {
        employmentSpecialistId: SPECIALISTS[pick(3)],
        contactPersonId: 'cw-2',
      }),
    );
  if (pick(3) > 0)
    events.push(
      make('welfare-office', 'ConsentGiven', at(enrolledOn, 9), {
        shareWith: pick(2) ? ['mental-health', 'employer'] : ['mental-health'],
        employerDisclosure: pick(2) === 0,
      }),
    );
  if (pick(8) === 0) events.push(make('welfare-office', 'ConsentWithdrawn', at(dayOf(enrolledOn, pick(300))), {}));
  if (pick(4) > 0)
    events.push(
      make(
        'mental-health',
        'TreatmentTeamLinked',
        at(dayOf(enrolledOn, pick(20))),
        { teamName: `DPS ${pick(4)}`, clinicianId: 'dr-1' },
        { sub: 'dr-1', agency: 'mental-health', role: 'clinician' },
      ),
    );
  if (pick(10) === 0)
    events.push(
      make(
        'mental-health',
        'TreatmentTeamLinked',
        at(dayOf(enrolledOn, 30 + pick(200))),
        { teamName: `DPS ${pick(4)}`, clinicianId: 'dr-2' },
        { sub: 'dr-2', agency: 'mental-health', role: 'clinician' },
      ),
    );
  events.push(make('welfare-office', 'CareerProfileCreated', at(dayOf(enrolledOn, pick(15))), { strengths: ['tidy'], interests: ['stores'] }));
  if (pick(3) === 0)
    events.push(
      make('welfare-office', 'ActionPlanWritten', at(dayOf(enrolledOn, pick(40))), {
        goals: ['work'],
        jobPreferences: ['stores'],
        hoursPerWeek: 20,
        supportsWanted: [],
      }),
    );
  for (let n = pick(6); n > 0; n--) {
    const on = dayOf(enrolledOn, pick(400));
    events.push(make('welfare-office', 'ParticipantContactRecorded', at(on), { contactedOn: on, mode: 'in-person', inCommunity: pick(3) > 0 }));
  }
  for (let n = pick(5); n > 0; n--) {
    const on = dayOf(enrolledOn, pick(120));
    events.push(
      make('welfare-office', 'EmployerContactMade', at(dayOf(on, pick(4) === 0 ? pick(5) : 0)), {
        employerId: EMPLOYERS[pick(6)],
        kind: pick(4) ? 'face-to-face' : 'phone',
        contactedOn: on,
      }),
    );
  }
  let day = dayOf(enrolledOn, 10);
  for (let job = pick(4); job > 0; job--) {
    const placementId = uuidv7();
    const employerId = EMPLOYERS[pick(6)];
    const start = dayOf(day, pick(120));
    if (pick(3) > 0) {
      const on = dayOf(start, -pick(20));
      events.push(make('welfare-office', 'BenefitsCounsellingHeld', at(on), { heldOn: on, topics: ['wages'] }));
    }
    const late = pick(3) === 0 ? pick(10) : 0;
    // Now and then the start at the very moment of a follow-along contact: arrival decides their order.
    const startAt = at(dayOf(start, late), 12);
    events.push(
      make(
        'employer',
        'PlacementStarted',
        startAt,
        {
          placementId,
          employerId,
          jobTitle: ['Warehouse worker', 'Cook', 'Cleaner'][pick(3)],
          startDate: start,
          hoursPerWeek: 5 + pick(35),
          hourlyWage: 200 + pick(50),
        },
        employer,
      ),
    );
    for (let n = pick(6); n > 0; n--) {
      const on = dayOf(start, pick(200) - 3);
      events.push(
        make('employer', 'FollowAlongContactMade', pick(6) === 0 ? startAt : at(on), { placementId, employerId, contactedOn: on, with: 'worker' }, by()),
      );
    }
    for (let n = pick(3); n > 0; n--) {
      const from = dayOf(start, pick(200));
      events.push(
        make(
          'employer',
          'PlacementTermsChanged',
          at(dayOf(from, pick(4) === 0 ? pick(20) : 0)),
          { placementId, employerId, effectiveFrom: from, hoursPerWeek: 5 + pick(35), hourlyWage: 200 + pick(50) },
          employer,
        ),
      );
    }
    if (pick(3) > 0) {
      const end = dayOf(start, pick(400));
      events.push(
        make(
          'employer',
          'PlacementEnded',
          at(dayOf(end, pick(4) === 0 ? pick(15) : 0)),
          { placementId, employerId, endDate: end, reason: 'resigned' },
          employer,
        ),
      );
      day = end;
    } else {
      day = start;
    }
  }
  if (pick(3) === 0) events.push(make('welfare-office', 'ParticipantDischarged', at(dayOf(day, 30 + pick(200))), { reason: 'moved-away' }));
  return events;
}

const PERIODS: Period[] = [
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-04-01', to: '2025-09-30' },
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2025-01-01', to: '2026-12-31' },
];

const supervisor: Principal = { sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' } as Principal;
const clinician: Principal = { sub: 'dr-9', agency: 'mental-health', role: 'clinician' } as Principal;

/** The team fidelity as it was computed before the stored facts: every event of the participants, folded. */
async function foldedRead(db: SqlDriver, reader: Principal, ids: readonly string[] | null, period: Period, specialist: string | null): Promise<Fidelity> {
  const events = await loadTeamEvents(db, ids, specialist);
  const visible = new Set([...events.values()].flatMap((own) => visibleTo(reader, own).map((event) => event.id)));
  return withholdUnseen(fidelityFor(events, { period, team: specialist }), (id) => visible.has(id));
}

/** The same from the stored facts, as FidelityReader reads them. */
async function storedRead(db: SqlDriver, reader: Principal, ids: readonly string[] | null, period: Period, specialist: string | null): Promise<Fidelity> {
  const events = await loadFidelityFacts(db, ids, period, specialist);
  const visible = new Set([...events.values()].flatMap((own) => visibleTo(reader, own).map((event) => event.id)));
  return withholdUnseen(fidelityFor(events, { period, team: specialist }), (id) => visible.has(id));
}

describe.each(directoryEngines())('fidelity facts stored as the events arrive (%s)', (_engine, open) => {
  let database: TestDatabase;
  let db: SqlDriver;

  beforeAll(async () => {
    database = await open();
    db = database.driver;
    const next = seededRandom(35);
    const participants = Array.from({ length: 90 }, () => uuidv7());
    const events = busArrivals(
      participants.map((id) => history(id, next)),
      next,
    );
    const consumer = await createTeamViewConsumer(db);
    for (let position = 0; position < events.length;) {
      const run = events.slice(position, position + 1 + Math.floor(next() * 40));
      await consumer.handleBatch(deliveriesOf(run, position + 1));
      position += run.length;
    }
  }, 120_000);
  afterAll(() => database.drop());

  const rows = async () =>
    db.query<{ participant_id: string; enrolled_on: string | null; discharged_on: string | null; facts: FidelityFacts }>(
      "select participant_id, to_char(enrolled_on, 'YYYY-MM-DD') as enrolled_on, to_char(discharged_on, 'YYYY-MM-DD') as discharged_on, facts from tv_fidelity_facts order by participant_id",
    );

  const expectEqualToTheFold = async (): Promise<void> => {
    const timelines = await loadTeamEvents(db, null);
    const stored = await rows();
    expect(stored.map((row) => row.participant_id)).toEqual([...timelines.keys()].sort());
    for (const row of stored) {
      const timeline = timelines.get(row.participant_id) as SharedEvent[];
      const kept = sharedEventsOf(row.participant_id, row.facts);
      const facts = factsOf(row.participant_id, timeline);
      expect([row.participant_id, factsOf(row.participant_id, kept)]).toEqual([row.participant_id, facts]);
      expect([row.participant_id, latestConsent(kept)]).toEqual([row.participant_id, latestConsent(timeline)]);
      expect([row.enrolled_on, row.discharged_on]).toEqual([facts.enrolment?.on ?? null, facts.discharge?.on ?? null]);
    }
  };

  it('holds for each participant the facts a fold of their timeline gives', async () => {
    await expectEqualToTheFold();
  });

  it('gives a team the fidelity the fold of its events gave, drivers withheld by consent alike', async () => {
    const ids = (await rows()).map((row) => row.participant_id);
    const half = ids.filter((_, index) => index % 2 === 0);
    for (const period of PERIODS) {
      for (const reader of [supervisor, clinician]) {
        expect(await storedRead(db, reader, null, period, null)).toEqual(await foldedRead(db, reader, null, period, null));
        expect(await storedRead(db, reader, half, period, null)).toEqual(await foldedRead(db, reader, half, period, null));
        expect(await storedRead(db, reader, half, period, 'es-2')).toEqual(await foldedRead(db, reader, half, period, 'es-2'));
      }
    }
  });

  it("gives the coordinator the programme's fidelity the fold gave, a team at a time and, before teams, a page at a time", async () => {
    const ids = (await rows()).map((row) => row.participant_id);
    const teams = [0, 1, 2, 3].map((n) => ({ teamId: `0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f9${n}`, name: `Team ${n}`, municipality: 'Oslo' }));
    // Uneven teams, one of them small (so some cells are suppressed), and a participant on two teams.
    const members = teams.map((_, n) => ids.filter((_, index) => (n === 3 ? index % 30 === 3 || index === 0 : index % 30 !== 3 && index % 3 === n)));
    const teamOf = new Map(teams.map((team, n) => [team.teamId, members[n] as string[]]));
    const withTeams = {
      anyTeamDefined: async () => true,
      participantsOf: async ([teamId]: string[]) => teamOf.get(teamId as string) ?? [],
    } as unknown as TeamDirectory;
    const withoutTeams = { anyTeamDefined: async () => false } as unknown as TeamDirectory;
    const timelines = await loadTeamEvents(db, null);
    const at = new Date('2026-12-04T12:00:00.000Z');
    for (const period of PERIODS) {
      for (const selected of [new Set(teams.map((team) => team.teamId)), new Set([teams[0]!.teamId, teams[3]!.teamId])]) {
        const folded = programmeFidelity(
          teams.map((team, n) => ({
            team,
            participants: new Map((members[n] as string[]).flatMap((id) => (timelines.has(id) ? [[id, timelines.get(id) as SharedEvent[]] as const] : []))),
          })),
          period,
          { selected },
        );
        const stored = programmeFidelityOf(await fidelityColumnsByTeam(db, withTeams, teams, selected, period, at), period, selected);
        expect(stored).toEqual(folded);
      }
      const everyone = programmeFidelity([], period, { selected: new Set(), everyone: timelines });
      expect(programmeFidelityOf(await fidelityColumnsByTeam(db, withoutTeams, [], new Set(), period, at, 7), period, new Set())).toEqual(everyone);
    }
  });

  it('is the same after a rebuild from the timeline', async () => {
    const before = await rows();
    await db.exec('update tv_fidelity_facts set enrolled_on = null, facts = \'{"events":[]}\'');
    await rebuildTeamViewReadModels(db);
    expect(await rows()).toEqual(before);
    await expectEqualToTheFold();
  });
});
