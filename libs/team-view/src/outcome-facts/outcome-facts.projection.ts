import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor } from '@ips/postgres';
import { TeamViewReadModel } from '../read-model';
import {
  Career,
  OUTCOME_FACT_EVENT_TYPES,
  OutcomeFacts,
  careerOf,
  evolveOutcomeFacts,
  firstDayChanged,
  initialOutcomeFacts,
  outcomeFactsOf,
} from './outcome-facts.evolve';

/**
 * Per participant with an enrolment, discharge or placement event: `tv_outcome_facts` holds what `evolveOutcomeFacts`
 * keeps (read only by the projection), and in `tv_outcome_participants` what a quarter's figures are computed from in
 * SQL, from the career the facts give (`careerOf`): the days "served" is decided on, the first job's day, each job's
 * first and last day (`infinity` while it lasts), the arrays `derivedOf` describes, and every job's terms by the day
 * they take effect (flattened: `term_job` numbers the job, from 1). A read touches only the participants served in
 * the quarter asked for, one row each, no join.
 */
export const outcomeFactsMigrations: MigrationSet = {
  component: 'team-view.outcomes',
  migrations: [
    {
      version: 1,
      sql: `
create table tv_outcome_facts (
  participant_id uuid primary key,
  facts jsonb not null
);
create table tv_outcome_participants (
  participant_id uuid primary key,
  enrolled_on date,
  discharged_on date,
  first_job_on date,
  odd_jobs boolean not null,
  job_starts date[] not null,
  job_ends date[] not null,
  work_from date[] not null,
  work_to date[] not null,
  work_before int[] not null,
  ends_sorted date[] not null,
  longest_by_end int[] not null,
  first_start_from_end date[] not null,
  term_job int[] not null,
  term_from date[] not null,
  term_keys int[] not null,
  job_first_term int[] not null,
  term_hours float8[] not null,
  term_wage float8[] not null
);
create index tv_outcome_participants_by_enrolment on tv_outcome_participants (enrolled_on);
-- The rare rows read job by job (a job recorded as ending before it started).
create index tv_outcome_participants_odd on tv_outcome_participants (enrolled_on) where odd_jobs;`,
    },
    {
      // Decision 36: the tallies of a closed quarter, as the coordinator's all-teams table computed them, kept until an
      // event changes a fact dated on or before the quarter's last day (`firstDayChanged`) or the team directory
      // moves a participant on such a day (`td_participant_team_changes`, read at the read).
      version: 2,
      sql: `
create table tv_outcome_quarter_tallies (
  key text primary key,
  quarter text not null,
  last_day date not null,
  directory_seen bigint not null,
  tallies jsonb not null,
  computed_at timestamptz not null default now()
);
create index tv_outcome_quarter_tallies_by_last_day on tv_outcome_quarter_tallies (last_day);`,
    },
  ],
};

/**
 * Applies a run of shared events to the participants' outcome facts: one read of the rows the run touches, the pure
 * fold, one upsert. The facts do not depend on the order events arrive in (only each participant's arrival order
 * breaks ties of `occurredAt`), so the consumer's runs and the rebuild's pages give the same rows.
 */
export async function projectOutcomeFacts(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void> {
  const relevant = events.filter((event) => OUTCOME_FACT_EVENT_TYPES.has(event.type));
  if (relevant.length === 0) return;
  const ids = [...new Set(relevant.map((event) => event.participantId))];
  const rows = await tx.query<{ participant_id: string; facts: OutcomeFacts }>(
    'select participant_id, facts from tv_outcome_facts where participant_id = any($1::uuid[])',
    [ids],
  );
  const before = new Map(rows.map((row) => [row.participant_id, row.facts]));
  const facts = new Map(before);
  for (const event of relevant) facts.set(event.participantId, evolveOutcomeFacts(facts.get(event.participantId) ?? initialOutcomeFacts, event));
  const written = ids.map((id): FactsRow => withCareer(id, facts.get(id) as OutcomeFacts));
  await writeOutcomeFacts(tx, written);
  // The closed quarters whose stored tallies these changes reach are computed again at their next read.
  let first: string | null = null;
  for (const [id, , after] of written) {
    const day = firstDayChanged(careerOf(before.get(id) ?? initialOutcomeFacts), after);
    if (day !== null && (first === null || day < first)) first = day;
  }
  if (first !== null) await tx.query('delete from tv_outcome_quarter_tallies where last_day >= $1::date', [first]);
}

/** A PostgreSQL array literal of days or numbers (none of them needs quoting). */
const arrayLiteral = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/** A participant's facts with the career they give. */
type FactsRow = readonly [id: string, facts: OutcomeFacts, career: Career];
const withCareer = (id: string, facts: OutcomeFacts): FactsRow => [id, facts, careerOf(facts)];

/** Writes participants' facts and what the figures read of them: two statements. */
async function writeOutcomeFacts(tx: SqlExecutor, rows: readonly FactsRow[]): Promise<void> {
  if (rows.length === 0) return;
  const careers = rows.map(([, , career]) => career);
  const ids = rows.map(([id]) => id);
  await tx.query(
    `insert into tv_outcome_facts (participant_id, facts) select * from unnest($1::uuid[], $2::jsonb[])
     on conflict (participant_id) do update set facts = excluded.facts`,
    [ids, rows.map(([, facts]) => JSON.stringify(facts))],
  );
  const derived = careers.map(derivedOf);
  const column = <K extends keyof Derived>(key: K) => derived.map((row) => row[key]);
  await tx.query(
    `insert into tv_outcome_participants
       (participant_id, enrolled_on, discharged_on, first_job_on, odd_jobs, job_starts, job_ends, work_from, work_to, work_before,
        ends_sorted, longest_by_end, first_start_from_end, term_job, term_from, term_keys, job_first_term, term_hours, term_wage)
     select participant_id, enrolled_on, discharged_on, first_job_on, odd_jobs, job_starts::date[], job_ends::date[],
            work_from::date[], work_to::date[], work_before::int[], ends_sorted::date[], longest_by_end::int[],
            first_start_from_end::date[], term_job::int[], term_from::date[], term_keys::int[], job_first_term::int[],
            term_hours::float8[], term_wage::float8[]
       from unnest($1::uuid[], $2::date[], $3::date[], $4::date[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
                   $18::text[], $19::text[])
         as x(participant_id, enrolled_on, discharged_on, first_job_on, odd_jobs, job_starts, job_ends, work_from, work_to,
              work_before, ends_sorted, longest_by_end, first_start_from_end, term_job, term_from, term_keys, job_first_term,
              term_hours, term_wage)
     on conflict (participant_id) do update
       set enrolled_on = excluded.enrolled_on, discharged_on = excluded.discharged_on, first_job_on = excluded.first_job_on,
           odd_jobs = excluded.odd_jobs, job_starts = excluded.job_starts, job_ends = excluded.job_ends,
           work_from = excluded.work_from, work_to = excluded.work_to, work_before = excluded.work_before,
           ends_sorted = excluded.ends_sorted, longest_by_end = excluded.longest_by_end,
           first_start_from_end = excluded.first_start_from_end, term_job = excluded.term_job, term_from = excluded.term_from,
           term_keys = excluded.term_keys, job_first_term = excluded.job_first_term, term_hours = excluded.term_hours,
           term_wage = excluded.term_wage`,
    [
      ids,
      careers.map((career) => career.enrolledOn),
      careers.map((career) => career.dischargedOn),
      careers.map((career) => career.jobs[0]?.start ?? null),
      column('oddJobs'),
      column('jobStarts'),
      column('jobEnds'),
      column('workFrom'),
      column('workTo'),
      column('workBefore'),
      column('endsSorted'),
      column('longestByEnd'),
      column('firstStartFromEnd'),
      column('termJob'),
      column('termFrom'),
      column('termKeys'),
      column('jobFirstTerm'),
      column('termHours'),
      column('termWage'),
    ],
  );
}

const DAY = 86_400_000;
const daysFrom = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const later = (a: string, b: string): string => (a > b ? a : b);

/** A job's terms in the order of job number, then day: the read computes the same key (outcome-facts.query.ts, `TERMS_HELD`). */
export const TERM_KEY_JOB = 1_000_000;
export const TERM_KEY_EPOCH = '1900-01-01';
const termKey = (job: number, day: string): number => job * TERM_KEY_JOB + daysFrom(TERM_KEY_EPOCH, day);

/** What the read's SQL looks up on a participant's row, as PostgreSQL array literals. */
type Derived = ReturnType<typeof derivedOf>;

/**
 * The career as arrays a quarter's figures are read from with binary searches (`width_bucket`), no scan of the jobs:
 * - the days in work as disjoint ranges (`work_from`, `work_to` inclusive, `infinity` while a job lasts) with the days
 *   in the ranges before each (`work_before`): the days in work up to any day;
 * - the jobs by last day (`ends_sorted`), the longest of those ended by each (`longest_by_end`) and the first start of
 *   those ending after each (`first_start_from_end`): the longest job up to any day.
 * - every job's terms keyed by job number and day (`term_keys`, see `termKey`) with where each job's begin
 *   (`job_first_term`): the terms in force on a day.
 * A job that ended before it started (`odd_jobs`) is read the slow way, job by job, as `contributionOf` does.
 */
function derivedOf(career: Career) {
  const jobs = career.jobs;
  const valid = jobs.filter((job) => job.end === null || job.end >= job.start);
  const ranges: { from: string; to: string }[] = [];
  for (const job of [...valid].sort((a, b) => a.start.localeCompare(b.start))) {
    const to = job.end ?? 'infinity';
    const last = ranges.at(-1);
    if (last && (last.to === 'infinity' || daysFrom(last.to, job.start) <= 1))
      last.to = last.to === 'infinity' || to === 'infinity' ? 'infinity' : later(last.to, to);
    else ranges.push({ from: job.start, to });
  }
  let before = 0;
  const workBefore = ranges.map((range) => {
    const days = before;
    if (range.to !== 'infinity') before += daysFrom(range.from, range.to) + 1;
    return days;
  });
  const byEnd = [...valid].sort((a, b) => (a.end ?? 'infinity').localeCompare(b.end ?? 'infinity'));
  let longest = 0;
  const longestByEnd = byEnd.map((job) => (longest = job.end === null ? longest : Math.max(longest, daysFrom(job.start, job.end) + 1)));
  const firstStartFromEnd = byEnd.map((job) => job.start);
  for (let i = firstStartFromEnd.length - 2; i >= 0; i--) {
    const next = firstStartFromEnd[i + 1] as string;
    if (next < (firstStartFromEnd[i] as string)) firstStartFromEnd[i] = next;
  }
  return {
    oddJobs: valid.length < jobs.length,
    jobStarts: arrayLiteral(jobs.map((job) => job.start)),
    jobEnds: arrayLiteral(jobs.map((job) => job.end ?? 'infinity')),
    workFrom: arrayLiteral(ranges.map((range) => range.from)),
    workTo: arrayLiteral(ranges.map((range) => range.to)),
    workBefore: arrayLiteral(workBefore),
    endsSorted: arrayLiteral(byEnd.map((job) => job.end ?? 'infinity')),
    longestByEnd: arrayLiteral(longestByEnd),
    firstStartFromEnd: arrayLiteral(firstStartFromEnd),
    termJob: arrayLiteral(jobs.flatMap((job, n) => job.terms.map(() => n + 1))),
    termFrom: arrayLiteral(jobs.flatMap((job) => job.terms.map((terms) => terms.from))),
    termKeys: arrayLiteral(jobs.flatMap((job, n) => job.terms.map((terms) => termKey(n + 1, terms.from)))),
    jobFirstTerm: arrayLiteral(jobs.map((_, n) => jobs.slice(0, n).reduce((count, job) => count + job.terms.length, 0) + 1)),
    termHours: arrayLiteral(jobs.flatMap((job) => job.terms.map((terms) => terms.hours))),
    termWage: arrayLiteral(jobs.flatMap((job) => job.terms.map((terms) => terms.wage))),
  };
}

/** The rebuild's page of whole timelines: each folded in timeline order (the same facts as in arrival order), one write. */
export async function rebuildOutcomeFacts(timelines: ReadonlyMap<string, readonly SharedEvent[]>, tx: SqlExecutor): Promise<void> {
  const rows: FactsRow[] = [];
  for (const [id, events] of timelines) {
    const relevant = events.filter((event) => OUTCOME_FACT_EVENT_TYPES.has(event.type));
    if (relevant.length > 0) rows.push(withCareer(id, outcomeFactsOf(relevant)));
  }
  await writeOutcomeFacts(tx, rows);
}

/** The outcomes' stored read model (issue 22): per participant, the facts a quarter's figures are computed from. */
export const outcomeFactsReadModel: TeamViewReadModel = {
  name: 'outcome-facts',
  version: 1,
  migrations: outcomeFactsMigrations,
  // The closed quarters' tallies too: a rebuild starts them empty.
  tables: ['tv_outcome_facts', 'tv_outcome_participants', 'tv_outcome_quarter_tallies'],
  apply: projectOutcomeFacts,
  rebuild: rebuildOutcomeFacts,
};
