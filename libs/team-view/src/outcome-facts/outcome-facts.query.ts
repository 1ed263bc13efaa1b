import { createHash } from 'node:crypto';
import { addDays } from '@ips/fidelity';
import { SqlDriver, SqlExecutor } from '@ips/postgres';
import { OutcomeTally, Quarter } from '../outcomes/outcomes';
import { TERM_KEY_EPOCH, TERM_KEY_JOB } from './outcome-facts.projection';

/**
 * Whose figures: these participants (a team's, by id), every participant (no team is defined), or every participant
 * by the team they are on on a day (the coordinator's table of every team, from the team directory's periods). Each
 * is its own SQL, so every query can use its indexes (no `$n is null or …`).
 */
export type OutcomeMembers =
  | { readonly kind: 'ids'; readonly ids: readonly string[]; readonly specialist?: string | null }
  | { readonly kind: 'everyone'; readonly specialist?: string | null }
  | {
      readonly kind: 'teams-on';
      /** Every team of the directory, with the day `at` is for it (in its time zone). */
      readonly teams: readonly { readonly teamId: string; readonly day: string }[];
      /** The UTC day of `at`: the day of a period whose team the directory does not know. */
      readonly utcDay: string;
    };

const ONE_GROUP = '';

/**
 * How the served participants are narrowed (`served`: a condition on `tv_outcome_participants f`) and grouped (`members`:
 * the `members(participant_id, grp)` CTE) for the case at hand, the parameters numbered from `first`.
 */
function membersSql(members: OutcomeMembers, first: number): { served: string; members: string; params: unknown[] } {
  const bySpecialist = (specialist: string | null | undefined, n: number) =>
    specialist
      ? { sql: ` and f.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $${n})`, params: [specialist] }
      : { sql: '', params: [] };
  switch (members.kind) {
    case 'ids': {
      const specialist = bySpecialist(members.specialist, first + 1);
      return {
        served: ` and f.participant_id = any($${first}::uuid[])${specialist.sql}`,
        members: `select participant_id, '${ONE_GROUP}'::text as grp from per_participant`,
        params: [members.ids, ...specialist.params],
      };
    }
    case 'everyone': {
      const specialist = bySpecialist(members.specialist, first);
      return { served: specialist.sql, members: `select participant_id, '${ONE_GROUP}'::text as grp from per_participant`, params: specialist.params };
    }
    case 'teams-on': {
      // As TeamDirectory.participantsOf reads it: of a participant's periods in force on their team's day, the one
      // recorded last (by when it happened, then id) is their team. The team's day is a binary search of the teams
      // (by id), so the periods are read in one pass, without a join.
      const teams = members.teams
        .map((team) => ({ teamId: team.teamId.toLowerCase(), day: team.day }))
        .sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
      const ids = `$${first}::uuid[]`;
      const day = `(case when (${ids})[width_bucket(p.team_id, ${ids})] = p.team_id then ($${first + 1}::date[])[width_bucket(p.team_id, ${ids})] else $${first + 2}::date end)`;
      return {
        served: '',
        members: `select distinct on (p.participant_id) p.participant_id, p.team_id::text as grp
                from td_participant_teams p
               where p.from_date <= ${day} and (p.until_date is null or ${day} < p.until_date)
               order by p.participant_id, p.occurred_at desc, p.period_id desc`,
        params: [teams.map((team) => team.teamId), teams.map((team) => team.day), members.utcDay],
      };
    }
    default: {
      const never: never = members;
      return never;
    }
  }
}

type TallyRow = {
  readonly grp: string;
  readonly served: string;
  readonly employed: string;
  readonly first_starts: string;
  readonly later_starts: string;
  readonly steady: string;
  readonly days_to_first_job: number[] | null;
  readonly longest: number[] | null;
  readonly stays: number[] | null;
  readonly hours: number[] | null;
  readonly wages: number[] | null;
};

/** Days in work up to and including day `x` (an SQL expression), by a binary search of the row's work ranges. */
const workUpTo = (x: string): string =>
  `coalesce(s.work_before[width_bucket(${x}, s.work_from)]
     + greatest(0, least(${x}, s.work_to[width_bucket(${x}, s.work_from)]) - s.work_from[width_bucket(${x}, s.work_from)] + 1), 0)`;

/** Whether a served participant (`s`) was in work on more than half the days of their follow-up (enrolment to `fu`). */
const STEADY = `(case when s.enrolled_on <= s.fu then ${workUpTo('s.fu')} - ${workUpTo('(s.enrolled_on - 1)')} else 0 end) * 2 > (s.fu - s.enrolled_on) + 1`;

/** The days from enrolment to discharge, of one discharged in the quarter. */
const STAY = 'case when s.discharged_on >= $1::date and s.discharged_on <= $2::date then s.discharged_on - s.enrolled_on end';

/**
 * Of a job held in the quarter (`n`, its last day `je`), the index of the terms in force on the last day it was held in
 * it (so far): the latest change by then (a binary search of the keys), else its first.
 */
const TERMS_HELD = (row: string) => {
  const key = `n * ${TERM_KEY_JOB} + (least(je, $3::date) - date '${TERM_KEY_EPOCH}')`;
  return `(case when ${row}.term_job[width_bucket(${key}, ${row}.term_keys)] = n then width_bucket(${key}, ${row}.term_keys) else ${row}.job_first_term[n] end)`;
};

/** The participants served in the quarter (enrolled by its end, not discharged before it), with the end of their follow-up so far. */
const SERVED = (narrowed: string) => `
  select f.*, case when f.discharged_on is not null and f.discharged_on < $3::date then f.discharged_on else $3::date end as fu
    from tv_outcome_participants f
   where f.enrolled_on <= $2::date and (f.discharged_on is null or f.discharged_on >= $1::date)${narrowed}`;

/**
 * The quarter's figures of each served participant, computed on their one row and summed per group: the same rules
 * as `contributionOf` (outcomes.ts), which the int test holds them to. `$1` first day, `$2` last day of the quarter,
 * `$3` its last day so far (today in the current quarter). A job's last day is `infinity` while it lasts. Days in
 * work, job starts and the longest job are binary searches on the row (`width_bucket`); only the terms of the jobs
 * held in the quarter, and the rare row with a job that ended before it started, are looked up job by job.
 */
const TALLY_SQL = (served: string, members: string) => `
with per_participant as (
  select x.participant_id, x.employed, x.first_start, x.starts, x.longest, x.steady, x.days_to_first_job, x.stay,
         -- Hours and wage of each job held in the quarter, as pairs.
         case when x.employed then (
           select array_agg(array[x.term_hours[k], x.term_wage[k]])
             from (select ${TERMS_HELD('x')} as k
                     from unnest(x.job_starts, x.job_ends) with ordinality as jobs(js, je, n)
                    where js <= $2::date and je >= $1::date) held) end as held
    from (
      select s.participant_id, s.job_starts, s.job_ends, s.term_job, s.term_keys, s.job_first_term, s.term_hours, s.term_wage,
             ${workUpTo('$2::date')} - ${workUpTo('($1::date - 1)')} > 0 as employed,
             s.first_job_on >= $1::date and s.first_job_on <= $2::date as first_start,
             (width_bucket($2::date, s.job_starts) - width_bucket($1::date - 1, s.job_starts))::bigint as starts,
             greatest(
               s.longest_by_end[width_bucket(s.fu, s.ends_sorted)],
               case when s.first_start_from_end[width_bucket(s.fu, s.ends_sorted) + 1] <= s.fu
                 then s.fu - s.first_start_from_end[width_bucket(s.fu, s.ends_sorted) + 1] + 1 end) as longest,
             ${STEADY} as steady,
             s.first_job_on - s.enrolled_on as days_to_first_job,
             ${STAY} as stay
        from (${SERVED(served)}) s where not s.odd_jobs) x
  union all
  select s.participant_id, coalesce(j.employed, false), s.first_job_on >= $1::date and s.first_job_on <= $2::date, j.starts, j.longest,
         ${STEADY}, s.first_job_on - s.enrolled_on, ${STAY}, j.held
    from (${SERVED(served)}) s
    cross join lateral (
      select bool_or(held) as employed,
             count(*) filter (where js >= $1::date and js <= $2::date) as starts,
             max(greatest(0, least(je, s.fu) - js + 1)) filter (where js <= s.fu) as longest,
             array_agg(array[s.term_hours[k], s.term_wage[k]]) filter (where held) as held
        from (select js, je, js <= $2::date and je >= $1::date as held,
                     case when js <= $2::date and je >= $1::date then ${TERMS_HELD('s')} end as k
                from unnest(s.job_starts, s.job_ends) with ordinality as jobs(js, je, n)) jobs) j
   where s.odd_jobs
),
members as (${members}),
counted as (
  select m.grp, p.* from members m join per_participant p on p.participant_id = m.participant_id
),
tallies as (
  select grp,
         count(*) as served,
         count(*) filter (where employed) as employed,
         count(*) filter (where first_start) as first_starts,
         sum(starts - case when first_start then 1 else 0 end) as later_starts,
         count(*) filter (where steady) as steady,
         array_agg(days_to_first_job) filter (where first_start) as days_to_first_job,
         array_agg(longest) filter (where longest is not null) as longest,
         array_agg(stay) filter (where stay is not null) as stays
    from counted group by grp
),
terms as (
  select grp, array_agg(v) filter (where i % 2 = 1) as hours, array_agg(v) filter (where i % 2 = 0) as wages
    from counted cross join lateral unnest(counted.held) with ordinality as pairs(v, i)
   group by grp
)
select t.*, terms.hours, terms.wages from tallies t left join terms on terms.grp = t.grp`;

function tallyOf(row: TallyRow | undefined): OutcomeTally {
  const tally = new OutcomeTally();
  if (!row) return tally;
  tally.served = Number(row.served);
  tally.employed = Number(row.employed);
  tally.firstStarts = Number(row.first_starts);
  tally.laterStarts = Number(row.later_starts);
  tally.steady = Number(row.steady);
  tally.daysToFirstJob.push(...(row.days_to_first_job ?? []));
  tally.longestTenures.push(...(row.longest ?? []).map(Number));
  tally.lengthsOfStay.push(...(row.stays ?? []));
  tally.hours.push(...(row.hours ?? []).map(Number));
  tally.wages.push(...(row.wages ?? []).map(Number));
  return tally;
}

/** The tally rows of these members, computed from the stored facts: one statement, in the caller's transaction. */
async function computeTallies(tx: SqlExecutor, quarter: Quarter, lastDay: string, members: OutcomeMembers): Promise<TallyRow[]> {
  const { served, members: membersOf, params } = membersSql(members, 4);
  // A report's query over tens of thousands of rows: PostgreSQL's JIT compiles it for longer than it runs (1 s at
  // 100,000 participants), and its sorts want more than the default 4 MB.
  await tx.exec("set local jit = off; set local work_mem = '32MB'");
  return tx.query<TallyRow>(TALLY_SQL(served, membersOf), [quarter.from, quarter.to, lastDay, ...params]);
}

/**
 * The all-teams tallies of a closed quarter: kept in `tv_outcome_quarter_tallies` (decision 36), computed at the first
 * read and again after a change that reaches the quarter. The outcome facts' projection deletes the rows a change to a
 * participant's facts reaches (`firstDayChanged`); a change to a participant's teams is seen here, in the team
 * directory's `td_participant_team_changes`. The key is the whole question (the quarter, each team's day), so a
 * team defined or moved to another time zone asks another one.
 *
 * Storing takes a lock that the projections' writes wait for, so no change can slip in between the computation's
 * snapshot and the row: the computation sees every change made before it, and every later one deletes or outdates the
 * row. When another read or a write holds the lock, the tallies are computed and not stored (`nowait`).
 */
async function closedQuarterTallies(db: SqlDriver, quarter: Quarter, members: OutcomeMembers): Promise<TallyRow[]> {
  const key = createHash('sha256')
    .update(JSON.stringify([quarter.from, quarter.to, members]))
    .digest('hex');
  const [kept] = await db.query<{ tallies: TallyRow[] }>(
    `select t.tallies from tv_outcome_quarter_tallies t
      where t.key = $1
        and not exists (select 1 from td_participant_team_changes c where c.received > t.directory_seen and c.from_day <= t.last_day)`,
    [key],
  );
  if (kept) return kept.tallies;
  try {
    return await db.transaction(async (tx) => {
      await tx.exec('lock table td_participant_team_changes, tv_outcome_quarter_tallies in share row exclusive mode nowait');
      const [seen] = await tx.query<{ received: string }>('select coalesce(max(received), 0)::text as received from td_participant_team_changes');
      const rows = await computeTallies(tx, quarter, quarter.to, members);
      await tx.query(
        `insert into tv_outcome_quarter_tallies (key, quarter, last_day, directory_seen, tallies) values ($1, $2, $3::date, $4::bigint, $5::jsonb)
         on conflict (key) do update set last_day = excluded.last_day, directory_seen = excluded.directory_seen, tallies = excluded.tallies, computed_at = now()`,
        [key, quarter.label, quarter.to, seen?.received ?? '0', JSON.stringify(rows)],
      );
      return rows;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
    return db.transaction((tx) => computeTallies(tx, quarter, quarter.to, members));
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The quarter's outcome tallies of these members, by group (a team id, or '' for one group), from the stored facts: one
 * statement. The coordinator's all-teams tallies of a quarter that ended before yesterday (in every time zone) are kept.
 */
export async function outcomeTallies(db: SqlDriver, quarter: Quarter, today: string, members: OutcomeMembers): Promise<Map<string, OutcomeTally>> {
  const lastDay = today < quarter.to ? today : quarter.to;
  const rows =
    members.kind === 'teams-on' && quarter.to < addDays(today, -1)
      ? await closedQuarterTallies(db, quarter, members)
      : await db.transaction((tx) => computeTallies(tx, quarter, lastDay, members));
  return new Map(rows.map((row) => [row.grp, tallyOf(row)]));
}

/** The quarter's outcomes tally of these participants (every one when null), `specialist` narrowing to one caseload. */
export async function tallyOutcomes(
  db: SqlDriver,
  quarter: Quarter,
  today: string,
  participantIds: readonly string[] | null,
  specialist: string | null = null,
): Promise<OutcomeTally> {
  if (participantIds?.length === 0) return new OutcomeTally();
  const members: OutcomeMembers = participantIds === null ? { kind: 'everyone', specialist } : { kind: 'ids', ids: participantIds, specialist };
  return (await outcomeTallies(db, quarter, today, members)).get(ONE_GROUP) ?? new OutcomeTally();
}
