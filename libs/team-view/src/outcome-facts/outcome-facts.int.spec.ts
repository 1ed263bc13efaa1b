import { KnownSharedEvent, PublishedEvent, SharedEvent, isTeamEvent } from '@ips/contracts';
import { TeamDirectory, createTeamDirectoryConsumer } from '@ips/team-directory';
import { TestDatabase, directoryEngines, participantEvents, teamEvents } from '@ips/team-directory/testing';
import { SqlDriver } from '@ips/postgres';
import { deliveriesOf } from '@ips/messaging/testing';
import { uuidv7 } from '@ips/utils';
import { createTeamViewConsumer, rebuildTeamViewReadModels } from '../team-view.projector';
import { loadTeamEvents } from '../team-events';
import { Quarter, outcomesFor, outcomesOf, parseQuarter } from '../outcomes/outcomes';
import { programmeOutcomes, programmeOutcomesOf } from '../programme-figures/programme-outcomes';
import { outcomeTalliesByTeam } from '../programme-figures/programme-figures.query';
import { lastDayOf } from '../fidelity/fidelity.controller';
import { Career, OutcomeFacts, careerOf } from './outcome-facts.evolve';
import { tallyOutcomes } from './outcome-facts.query';
import { busArrivals, seededRandom } from '../shared-event.testing';

const DAY = 86_400_000;
const dayOf = (base: string, offset: number): string => new Date(Date.parse(base) + offset * DAY).toISOString().slice(0, 10);

/**
 * A participant's history as the agencies record it: an enrolment (rarely two), up to three jobs with changes of
 * terms and ends (some recorded days late, some before a later start of the same placement), a discharge for some.
 */
function history(participantId: string, next: () => number): SharedEvent[] {
  const pick = (n: number): number => Math.floor(next() * n);
  const at = (day: string, late = 0): string => `${dayOf(day, late)}T${String(8 + pick(10)).padStart(2, '0')}:00:00.000Z`;
  const base = { participantId, recordedBy: { sub: 'es-1', agency: 'welfare-office' as const, role: 'employment-specialist' as const } };
  const welfare = (type: string, day: string, data: Record<string, unknown>): SharedEvent => ({
    ...base,
    id: uuidv7(),
    type,
    version: 1,
    source: 'welfare-office',
    occurredAt: at(day),
    data,
  });
  const employer = (type: string, day: string, data: Record<string, unknown>, late = 0): SharedEvent => ({
    ...base,
    id: uuidv7(),
    type,
    version: 1,
    source: 'employer',
    occurredAt: at(day, late),
    recordedBy: { sub: 'emp-1', agency: 'employer', role: 'employer' },
    data,
  });
  const enrolledOn = dayOf('2025-01-01', pick(600));
  const specialist = `es-${pick(3)}`;
  const events = [welfare('ParticipantEnrolled', enrolledOn, { employmentSpecialistId: specialist, contactPersonId: 'cw-1' })];
  if (pick(15) === 0)
    events.push(welfare('ParticipantEnrolled', dayOf(enrolledOn, 3 + pick(30)), { employmentSpecialistId: specialist, contactPersonId: 'cw-2' }));
  const employerId = uuidv7();
  let day = enrolledOn;
  for (let job = pick(4); job > 0; job--) {
    const placementId = uuidv7();
    const start = dayOf(day, pick(5) === 0 ? 0 : pick(120));
    const terms = () => ({ hoursPerWeek: 5 + pick(35), hourlyWage: 180 + pick(80) });
    events.push(
      employer(
        'PlacementStarted',
        start,
        { placementId, employerId, jobTitle: 'Warehouse worker', startDate: start, ...terms() },
        pick(3) === 0 ? pick(10) : 0,
      ),
    );
    for (let change = pick(3); change > 0; change--) {
      const from = dayOf(start, pick(200));
      events.push(employer('PlacementTermsChanged', from, { placementId, employerId, effectiveFrom: from, ...terms() }, pick(4) === 0 ? pick(20) : 0));
    }
    if (pick(3) > 0) {
      // Now and then a job that ends the day before the next starts, or one recorded as ending before it started.
      const odd = pick(12) === 0;
      const end = odd ? dayOf(start, -1 - pick(20)) : dayOf(start, pick(400));
      events.push(employer('PlacementEnded', odd ? start : end, { placementId, employerId, endDate: end, reason: 'resigned' }, pick(4) === 0 ? pick(15) : 0));
      // The next job may start while this one lasts (two jobs at once), or the day after it ends.
      day = pick(3) === 0 ? start : pick(4) === 0 ? dayOf(end, 1) : end;
      if (pick(8) === 0)
        events.push(
          employer('PlacementStarted', dayOf(end, 10), { placementId, employerId, jobTitle: 'Warehouse worker', startDate: dayOf(end, 10), ...terms() }),
        );
    } else {
      day = start;
    }
  }
  if (pick(3) === 0) events.push(welfare('ParticipantDischarged', dayOf(day, 30 + pick(200)), { reason: 'moved-away' }));
  events.push(welfare('EmployerContactMade', dayOf(enrolledOn, 5), { employerId, kind: 'face-to-face', contactedOn: dayOf(enrolledOn, 5) }));
  return events;
}

/** One tally per group of participants (each team's), by id. */
const tallyOutcomesByGroup = (db: SqlDriver, quarter: Quarter, today: string, groups: readonly (readonly string[])[]) =>
  Promise.all(groups.map((ids) => tallyOutcomes(db, quarter, today, ids)));

/** The fold as outcomes computed it before the stored facts (every event, in timeline order): the reference. */
function referenceCareer(events: readonly SharedEvent[]): Career {
  let enrolledOn: string | null = null;
  let dischargedOn: string | null = null;
  const jobs = new Map<string, { start: string; end: string | null; terms: { from: string; hours: number; wage: number }[] }>();
  for (const event of events as readonly KnownSharedEvent[]) {
    if (event.type === 'ParticipantEnrolled') enrolledOn = event.occurredAt.slice(0, 10);
    else if (event.type === 'ParticipantDischarged') dischargedOn = event.occurredAt.slice(0, 10);
    else if (event.type === 'PlacementStarted')
      jobs.set(event.data.placementId, {
        start: event.data.startDate,
        end: null,
        terms: [{ from: event.data.startDate, hours: event.data.hoursPerWeek, wage: event.data.hourlyWage }],
      });
    else if (event.type === 'PlacementTermsChanged')
      jobs.get(event.data.placementId)?.terms.push({ from: event.data.effectiveFrom, hours: event.data.hoursPerWeek, wage: event.data.hourlyWage });
    else if (event.type === 'PlacementEnded') {
      const job = jobs.get(event.data.placementId);
      if (job) job.end = event.data.endDate;
    }
  }
  for (const job of jobs.values()) job.terms.sort((a, b) => a.from.localeCompare(b.from));
  return { enrolledOn, dischargedOn, jobs: [...jobs.values()].sort((a, b) => a.start.localeCompare(b.start)) };
}

/** Jobs that start the same day may be listed either way round: no figure depends on it. */
const canonical = (career: Career): Career => {
  const key = (job: Career['jobs'][number]): string => JSON.stringify([job.start, job.end, job.terms.map((terms) => [terms.from, terms.hours, terms.wage])]);
  return { ...career, jobs: [...career.jobs].sort((a, b) => key(a).localeCompare(key(b))) };
};

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q2'].map((label) => parseQuarter(label)!);
const TODAYS = ['2025-05-17', '2026-02-10', '2026-08-31', '2028-01-01'];

describe.each(directoryEngines())('outcome facts stored as the events arrive (%s)', (_engine, open) => {
  let database: TestDatabase;
  let db: SqlDriver;

  beforeAll(async () => {
    database = await open();
    db = database.driver;
    const next = seededRandom(22);
    const participants = Array.from({ length: 120 }, () => uuidv7());
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
  }, 60_000);
  afterAll(() => database.drop());

  const stored = async (): Promise<Map<string, Career>> =>
    new Map(
      (await db.query<{ participant_id: string; facts: OutcomeFacts }>('select participant_id, facts from tv_outcome_facts')).map((row) => [
        row.participant_id,
        careerOf(row.facts),
      ]),
    );

  const expectEqualToTheFold = async (): Promise<void> => {
    const timelines = await loadTeamEvents(db, null);
    const rows = await stored();
    expect([...rows.keys()].sort()).toEqual([...timelines.keys()].sort());
    for (const [id, events] of timelines) expect([id, canonical(rows.get(id) as Career)]).toEqual([id, canonical(referenceCareer(events))]);
  };

  it('holds for each participant the career a fold of their timeline gives', async () => {
    await expectEqualToTheFold();
  });

  it('gives the outcome figures the fold of every event gives, for past, current and future quarters', async () => {
    const timelines = await loadTeamEvents(db, null);
    const ids = [...timelines.keys()].sort();
    const half = ids.filter((_, index) => index % 2 === 0);
    for (const quarter of QUARTERS) {
      for (const today of TODAYS) {
        expect(outcomesOf(await tallyOutcomes(db, quarter, today, null), quarter)).toEqual(outcomesFor([...timelines.values()], quarter, today));
        const halfEvents = half.map((id) => timelines.get(id) as SharedEvent[]);
        expect(outcomesOf(await tallyOutcomes(db, quarter, today, half), quarter)).toEqual(outcomesFor(halfEvents, quarter, today));
        const kari = await loadTeamEvents(db, null, 'es-1');
        expect(outcomesOf(await tallyOutcomes(db, quarter, today, null, 'es-1'), quarter)).toEqual(outcomesFor([...kari.values()], quarter, today));
      }
    }
  });

  it('gives the coordinator the figures per team and in total that the fold gives, small cells and all', async () => {
    const timelines = await loadTeamEvents(db, null);
    const ids = [...timelines.keys()].sort();
    const teams = [0, 1, 2, 3].map((n) => ({ teamId: `0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f9${n}`, name: `Team ${n}`, municipality: 'Oslo' }));
    // Uneven teams, one of them small, so some cells are suppressed.
    const members = teams.map((_, n) => ids.filter((_, index) => (n === 3 ? index % 40 === 3 : index % 40 !== 3 && index % 3 === n)));
    const tallies = (quarter: (typeof QUARTERS)[number], today: string) => tallyOutcomesByGroup(db, quarter, today, members);
    for (const quarter of QUARTERS) {
      for (const today of TODAYS) {
        const byTally = await tallies(quarter, today);
        const folded = teams.map((team, n) => ({ team, participants: (members[n] as string[]).map((id) => timelines.get(id) as SharedEvent[]) }));
        const selected = new Set([teams[0]!.teamId, teams[3]!.teamId]);
        expect(
          programmeOutcomesOf(
            teams.map((team, n) => ({ team, tally: byTally[n]! })),
            quarter,
            { selected },
          ),
        ).toEqual(programmeOutcomes(folded, quarter, today, { selected }));
      }
    }
  });

  it('is the same after a rebuild from the timeline', async () => {
    const before = await stored();
    const figures = outcomesOf(await tallyOutcomes(db, QUARTERS[4]!, TODAYS[1]!, null), QUARTERS[4]!);
    await db.exec("update tv_outcome_participants set enrolled_on = null, job_starts = '{}', job_ends = '{}'; update tv_outcome_facts set facts = '{}'");
    await rebuildTeamViewReadModels(db);
    expect(await stored()).toEqual(before);
    await expectEqualToTheFold();
    expect(outcomesOf(await tallyOutcomes(db, QUARTERS[4]!, TODAYS[1]!, null), QUARTERS[4]!)).toEqual(figures);
  });
});

describe.each(directoryEngines())("the coordinator's table, each participant counted with the team they are on (%s)", (_engine, open) => {
  let database: TestDatabase;
  let db: SqlDriver;
  let directory: TeamDirectory;
  const teams = [
    { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f01', name: 'Oslo', municipality: 'Oslo', timeZone: 'Europe/Oslo' },
    { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f02', name: 'New York', municipality: 'NY', timeZone: 'America/New_York' },
    { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f03', name: 'Kiritimati', municipality: 'K', timeZone: 'Pacific/Kiritimati' },
  ];
  const undefinedTeam = '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f04';
  let teamView: Awaited<ReturnType<typeof createTeamViewConsumer>>;
  let teamDirectory: Awaited<ReturnType<typeof createTeamDirectoryConsumer>>;
  let position = 1;
  /** Delivers events to both consumers, after everything delivered before. */
  const deliver = async (events: readonly PublishedEvent[]): Promise<void> => {
    await teamDirectory.handleBatch(deliveriesOf(events, position));
    await teamView.handleBatch(
      deliveriesOf(
        events.filter((event): event is SharedEvent => !isTeamEvent(event)),
        position,
      ),
    );
    position += events.length;
  };

  beforeAll(async () => {
    database = await open();
    db = database.driver;
    const next = seededRandom(31);
    const pick = (n: number): number => Math.floor(next() * n);
    teamView = await createTeamViewConsumer(db);
    teamDirectory = await createTeamDirectoryConsumer(db);
    const published: PublishedEvent[] = teams.map(({ teamId, name, municipality, timeZone }) => teamEvents.defined(teamId, { name, municipality, timeZone }));
    for (let n = 0; n < 80; n++) {
      const id = uuidv7();
      const own = history(id, next);
      const first = pick(4) === 0 ? undefinedTeam : (teams[pick(3)] as (typeof teams)[number]).teamId;
      const referredAt = new Date(Date.parse(`${own[0]!.occurredAt.slice(0, 10)}T00:00:00.000Z`) - DAY / 2 + pick(24) * 3_600_000).toISOString();
      published.push(participantEvents.referred(id, first, referredAt), ...own);
      let from = first;
      // Transfers, some on a quarter's last or first day.
      for (let move = pick(3); move > 0; move--) {
        const to = (teams[pick(3)] as (typeof teams)[number]).teamId;
        const on =
          pick(2) === 0 ? ['2025-03-31', '2025-04-01', '2025-06-30', '2025-07-01', '2025-12-31', '2026-01-01'][pick(6)]! : dayOf('2025-01-01', pick(600));
        published.push(participantEvents.transferred(id, from, to, on, `${on}T${String(pick(24)).padStart(2, '0')}:30:00.000Z`));
        from = to;
      }
    }
    await deliver(published);
    directory = await TeamDirectory.open(db);
  }, 60_000);
  afterAll(() => database.drop());

  it("gives each team the figures of the participants the directory names for the quarter's last day", async () => {
    const nows = ['2025-06-30T03:00:00.000Z', '2025-06-30T23:30:00.000Z', '2026-01-01T05:00:00.000Z', '2026-12-04T12:00:00.000Z'];
    for (const quarter of QUARTERS) {
      for (const nowText of nows) {
        const now = new Date(nowText);
        const today = nowText.slice(0, 10);
        const at = lastDayOf(quarter.to, now);
        const { perTeam } = await outcomeTalliesByTeam(db, directory, teams, quarter, today, at);
        for (const [index, team] of teams.entries()) {
          const ids = await directory.participantsOf([team.teamId], at);
          expect([team.name, outcomesOf(perTeam[index]!.tally, quarter)]).toEqual([
            team.name,
            outcomesOf(await tallyOutcomes(db, quarter, today, ids), quarter),
          ]);
        }
      }
    }
  });

  it("keeps a closed quarter's tallies until a change reaches the quarter: a late job, a transfer dated in it", async () => {
    const now = new Date('2026-12-04T12:00:00.000Z');
    const today = '2026-12-04';
    const quarter = parseQuarter('2025-Q3')!;
    const at = lastDayOf(quarter.to, now);
    /** The coordinator's figures per team, and each team's computed from its members that day, uncached: the same. */
    const figures = async () => {
      const { perTeam } = await outcomeTalliesByTeam(db, directory, teams, quarter, today, at);
      const byTeam = perTeam.map((row) => outcomesOf(row.tally, quarter));
      const computed = await Promise.all(
        teams.map(async (team) => outcomesOf(await tallyOutcomes(db, quarter, today, await directory.participantsOf([team.teamId], at)), quarter)),
      );
      expect(byTeam).toEqual(computed);
      return byTeam;
    };
    const kept = () => db.query<{ computed_at: string }>("select computed_at::text from tv_outcome_quarter_tallies where quarter = '2025-Q3'");

    const first = await figures();
    const [row] = await kept();
    expect(row).toBeDefined();
    expect(await figures()).toEqual(first);
    expect(await kept()).toEqual([row]);

    // Today's news about the quarter's participants changes nothing in it: the kept row stays.
    const members = await directory.participantsOf([teams[0]!.teamId], at);
    const [served] = await db.query<{ participant_id: string }>(
      `select participant_id from tv_outcome_participants
        where participant_id = any($1::uuid[]) and enrolled_on <= '2025-09-30' and (discharged_on is null or discharged_on >= '2025-07-01')
        order by participant_id limit 1`,
      [members],
    );
    const someone = served?.participant_id;
    const employer = { sub: 'emp-1', agency: 'employer' as const, role: 'employer' as const };
    const job = (startDate: string): SharedEvent => ({
      id: uuidv7(),
      type: 'PlacementStarted',
      version: 1,
      source: 'employer',
      participantId: someone!,
      occurredAt: `${today}T09:00:00.000Z`,
      recordedBy: employer,
      data: { placementId: uuidv7(), employerId: uuidv7(), jobTitle: 'Baker', startDate, hoursPerWeek: 20, hourlyWage: 200 },
    });
    await deliver([job(today)]);
    expect(await kept()).toEqual([row]);
    expect(await figures()).toEqual(first);

    // A job that began in the quarter, recorded only today: the row goes and the figures move.
    const starts = (figures: readonly { jobStarts: { first: number; later: number } }[]) => figures.map((team) => team.jobStarts.first + team.jobStarts.later);
    await deliver([job('2025-08-15')]);
    expect(await kept()).toEqual([]);
    const afterJob = await figures();
    expect(starts(afterJob)).toEqual(starts(first).map((n, index) => (index === 0 ? n + 1 : n)));

    // A transfer dated inside the quarter, recorded today: the row is outdated (the directory's changes), and replaced.
    const [kept2] = await kept();
    await deliver([participantEvents.transferred(someone!, teams[0]!.teamId, teams[1]!.teamId, '2025-09-01', `${today}T10:00:00.000Z`)]);
    const afterTransfer = await figures();
    expect(afterTransfer).not.toEqual(afterJob);
    expect((await kept())[0]?.computed_at).not.toEqual(kept2?.computed_at);

    // One dated after the quarter leaves the kept row good.
    const [kept3] = await kept();
    await deliver([participantEvents.transferred(someone!, teams[1]!.teamId, teams[2]!.teamId, '2026-11-01', `${today}T11:00:00.000Z`)]);
    expect(await figures()).toEqual(afterTransfer);
    expect(await kept()).toEqual([kept3]);
  });
});
