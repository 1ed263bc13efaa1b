import { DEFAULT_TEAM_ID, STAFF_ROLES, TEAM_AGENCIES, TeamAgency, teamContracts } from '@ips/contracts';
import { SqlDriver, migrate } from '@ips/postgres';
import { teamDirectoryMigrations } from './team-directory.migrations';
import { OnDate, TeamDay, dayIn, isCurrentOn, teamDay } from './team-day';
import { BackfillResult, OutboxReader, backfillParticipantEvents } from './participant-directory.backfill';
import { PROJECTED_PARTICIPANT_TYPES } from './participant-directory.projection';

export interface Team {
  readonly teamId: string;
  readonly name: string;
  readonly municipality: string;
  /** IANA time zone: the team's days (its members' `from` and `until`) are read in it. */
  readonly timeZone: string;
  /** When the definition in force was made. */
  readonly definedAt: string;
}

/** One period of a person on a team. `until` is the first day without access (null while open); days are the team's. */
export interface MemberPeriod {
  readonly sub: string;
  readonly displayName: string;
  readonly agency: TeamAgency;
  readonly role: (typeof STAFF_ROLES)[number];
  readonly from: TeamDay;
  readonly until: TeamDay | null;
  readonly addedAt: string;
  readonly endedAt: string | null;
}

export interface TeamWithMembers extends Team {
  /** Every period, ended ones included, by first day. */
  readonly members: readonly MemberPeriod[];
}

/** A person's period on a team that is current on `day`, the team's own day the question was asked for. */
export interface Membership {
  readonly team: Team;
  readonly period: MemberPeriod;
  readonly day: TeamDay;
}

/**
 * Who is asked about: a token subject, or a principal. Subjects are unique only within one agency's identity
 * provider, so checks of a caller's access pass the principal (`{ sub, agency }`): the period must be of that agency.
 */
export type Person = string | { readonly sub: string; readonly agency?: string };

/**
 * This service's own outbox, read to know which team events it wrote (read-your-writes), and once for the
 * participant events from before the directory projected them (with their payloads). The event store fits it.
 */
export interface OwnOutbox extends OutboxReader {
  /** The last message's position (0 when empty); without it, the outbox is read through once at start. */
  outboxHead?(): Promise<number>;
}

/**
 * Who reads: a verified caller's `sub`, `agency` and `role` (the access library's Principal fits). A subject is
 * unique only within its agency, so every check matches both.
 */
export interface Reader {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
}

/**
 * A reader's strongest relation to a participant: `member`, a current member of the participant's current team (any
 * role, supervisors included); `named`, named on the record (employment specialist, contact person, clinician,
 * municipal contact). Emergency access is not the directory's: the team view grants it.
 */
export type Relation = 'member' | 'named';

export interface TeamDirectoryOptions {
  /** The service's outbox: what `waitForHead` waits for. Without it, `waitForHead` has nothing to wait for. */
  readonly outbox?: OwnOutbox;
  /** How long `waitForHead` waits at most before the caller answers anyway (3 s unless told). */
  readonly catchUpTimeoutMs?: number;
  /** Told what `open` found in the outbox of participant events from before the directory read them (for a log line). */
  readonly onBackfill?: (result: BackfillResult) => void;
}

const PAGE = 500;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const instant = (value: unknown): string => new Date(value as string | Date).toISOString();

interface TeamRow {
  readonly team_id: string;
  readonly name: string;
  readonly municipality: string;
  readonly time_zone: string;
  readonly defined_at: unknown;
  [column: string]: unknown;
}

interface PeriodRow {
  readonly team_id: string;
  readonly sub: string;
  readonly display_name: string;
  readonly agency: string;
  readonly role: string;
  readonly from_date: string;
  readonly until_date: string | null;
  readonly added_at: unknown;
  readonly ended_at: unknown;
  [column: string]: unknown;
}

const TEAM_COLUMNS = 't.team_id, t.name, t.municipality, t.time_zone, t.defined_at';
const PERIOD_COLUMNS = `m.team_id, m.sub, m.display_name, m.agency, m.role, to_char(m.from_date, 'YYYY-MM-DD') as from_date,
  to_char(m.until_date, 'YYYY-MM-DD') as until_date, m.added_at, m.ended_at`;

const toTeam = (row: TeamRow): Team => ({
  teamId: row.team_id,
  name: row.name,
  municipality: row.municipality,
  timeZone: row.time_zone,
  definedAt: instant(row.defined_at),
});

const toPeriod = (row: PeriodRow): MemberPeriod => ({
  sub: row.sub,
  displayName: row.display_name,
  agency: row.agency as TeamAgency,
  role: row.role as MemberPeriod['role'],
  from: row.from_date,
  until: row.until_date,
  addedAt: instant(row.added_at),
  endedAt: row.ended_at === null ? null : instant(row.ended_at),
});

interface ParticipantPeriodRow {
  readonly period_id: string | null;
  readonly team_id: string | null;
  readonly period_from: string | null;
  readonly period_until: string | null;
  readonly time_zone: string | null;
  [column: string]: unknown;
}

interface RelationRow extends ParticipantPeriodRow {
  readonly any_team: boolean;
  readonly named: boolean;
  readonly member_from: string | null;
  readonly member_until: string | null;
}

interface ReaderPeriodRow {
  readonly any_team: boolean;
  readonly team_id: string | null;
  readonly time_zone: string | null;
  readonly from_date: string | null;
  readonly until_date: string | null;
  [column: string]: unknown;
}

const PARTICIPANT_PERIOD_COLUMNS = `p.period_id, p.team_id, to_char(p.from_date, 'YYYY-MM-DD') as period_from,
  to_char(p.until_date, 'YYYY-MM-DD') as period_until, t.time_zone`;

/**
 * The participant's period in force on `on`, each read on its team's day; of two (a move between teams whose days
 * begin at different hours), the one recorded later. Rows in the order recorded.
 */
function periodOn<R extends ParticipantPeriodRow>(rows: readonly R[], on: OnDate, dayOf = daysOf(on)): R | null {
  let found: R | null = null;
  for (const row of rows) {
    if (row.period_from === null) continue;
    if (isCurrentOn({ from: row.period_from, until: row.period_until }, dayOf(row.time_zone ?? 'UTC'))) found = row;
  }
  return found;
}

/** `on` as each time zone's day, each zone's worked out once (a team of 500 asked it 500 times, 1 ms of a board). */
function daysOf(on: OnDate): (timeZone: string) => TeamDay {
  const days = new Map<string, TeamDay>();
  return (timeZone) => {
    let day = days.get(timeZone);
    if (day === undefined) days.set(timeZone, (day = teamDay(timeZone, on)));
    return day;
  };
}

const DAY_MS = 86_400_000;

/** No time zone's day of `at` is before this one (UTC−12 at most) or after `latestDayOf` (UTC+14): an index bound. */
const earliestDayOf = (at: Date): TeamDay => dayIn('UTC', new Date(at.getTime() - DAY_MS));
const latestDayOf = (at: Date): TeamDay => dayIn('UTC', new Date(at.getTime() + DAY_MS));

/** Staff of an agency whose people are team members, in a staff role. */
const isTeamStaff = (reader: Reader): boolean =>
  (TEAM_AGENCIES as readonly string[]).includes(reader.agency) && (STAFF_ROLES as readonly string[]).includes(reader.role);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By name as people read it (the same on every engine, whatever the database's collation), then by id. */
const byName = (a: Team, b: Team): number => a.name.localeCompare(b.name) || a.teamId.localeCompare(b.teamId);

const personOf = (person: Person): { sub: string; agency: string | null } =>
  typeof person === 'string' ? { sub: person, agency: null } : { sub: person.sub, agency: person.agency ?? null };

/**
 * The teams and their members as this service's own database holds them (fed by its team-directory consumer), so
 * access is checked locally, also while the programme service or the bus is down. "Current on a day" means
 * `from <= day < until` (or no `until`), the day being the team's own: an instant is read in the team's time zone
 * (Intl), a `YYYY-MM-DD` is taken as the team's day as given.
 */
export class TeamDirectory {
  private readonly catchUpTimeoutMs: number;

  private constructor(
    private readonly db: SqlDriver,
    private readonly outbox: OwnOutbox | undefined,
    /** Every team event this service wrote up to this outbox position was waited for (or given up on) already. */
    private waitedUpTo: number,
    catchUpTimeoutMs: number | undefined,
  ) {
    this.catchUpTimeoutMs = catchUpTimeoutMs ?? 3_000;
  }

  /** Opens the directory's tables in the service's database; where the outbox is now is where waiting starts. */
  static async open(db: SqlDriver, options: TeamDirectoryOptions = {}): Promise<TeamDirectory> {
    await migrate(db, teamDirectoryMigrations);
    const start = options.outbox ? await headOf(options.outbox) : 0;
    // A database from before the directory read participant events: what its own outbox holds of them (once).
    // Not `onBackfill?.(await backfill…)`: an optional call skips its arguments, so without a listener nothing was backfilled.
    if (options.outbox) {
      const backfilled = await backfillParticipantEvents(db, options.outbox);
      options.onBackfill?.(backfilled);
    }
    return new TeamDirectory(db, options.outbox, start, options.catchUpTimeoutMs);
  }

  /** Every team, by name. */
  async allTeams(): Promise<Team[]> {
    const rows = await this.db.query<TeamRow>(`select ${TEAM_COLUMNS} from td_teams t`);
    return rows.map(toTeam).sort(byName);
  }

  /** Whether the programme defined this team (as far as this directory has heard). */
  async teamExists(teamId: string): Promise<boolean> {
    if (!UUID.test(teamId)) return false;
    return (await this.db.query('select 1 from td_teams where team_id = $1', [teamId])).length > 0;
  }

  /** Whether any team was defined at all. */
  async anyTeamDefined(): Promise<boolean> {
    return (await this.db.query('select 1 from td_teams limit 1')).length > 0;
  }

  /** The team with every period of its members (history included), or null when no such team was defined. */
  async team(teamId: string): Promise<TeamWithMembers | null> {
    const [team] = await this.withMembers([teamId]);
    return team ?? null;
  }

  /** These teams (all when left out) with every period of their members, by name; unknown ids are left out. */
  async withMembers(teamIds?: readonly string[]): Promise<TeamWithMembers[]> {
    // A team id is a UUID: anything else names no team (and would not get past the column's type).
    const ids = teamIds ? [...new Set(teamIds)].filter((id) => UUID.test(id)) : null;
    if (ids?.length === 0) return [];
    const [teams, periods] = await Promise.all([
      this.db.query<TeamRow>(`select ${TEAM_COLUMNS} from td_teams t where $1::uuid[] is null or t.team_id = any($1::uuid[])`, [ids]),
      this.db.query<PeriodRow>(
        `select ${PERIOD_COLUMNS} from td_members m where $1::uuid[] is null or m.team_id = any($1::uuid[])
          order by m.from_date, m.received`,
        [ids],
      ),
    ]);
    const byTeam = new Map<string, MemberPeriod[]>();
    for (const row of periods) {
      const members = byTeam.get(row.team_id);
      if (members) members.push(toPeriod(row));
      else byTeam.set(row.team_id, [toPeriod(row)]);
    }
    return teams.map((row) => ({ ...toTeam(row), members: byTeam.get(row.team_id) ?? [] })).sort(byName);
  }

  /**
   * How the programme names these people (their latest period on any team), keyed `agency/sub`: for screens and logs
   * that name staff. Someone never on a team is left out (the caller shows the login id).
   */
  async displayNames(people: readonly { readonly sub: string; readonly agency: string }[]): Promise<Map<string, string>> {
    const keys = [...new Set(people.map(({ sub, agency }) => `${agency}/${sub}`))];
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<{ key: string; display_name: string }>(
      `select distinct on (m.agency, m.sub) m.agency || '/' || m.sub as key, m.display_name from td_members m
        where m.agency || '/' || m.sub = any($1::text[]) order by m.agency, m.sub, m.received desc`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row.display_name]));
  }

  /** The person's memberships current on `on` (each team's own day), by team name. */
  async teamsOf(person: Person, on: OnDate): Promise<Membership[]> {
    const { sub, agency } = personOf(person);
    const rows = await this.db.query<TeamRow & PeriodRow>(
      `select ${TEAM_COLUMNS}, ${PERIOD_COLUMNS} from td_members m join td_teams t on t.team_id = m.team_id
        where m.sub = $1 and ($2::text is null or m.agency = $2::text)
        order by m.from_date, m.received`,
      [sub, agency],
    );
    const current = new Map<string, Membership>();
    for (const row of rows) {
      const day = teamDay(row.time_zone, on);
      const period = toPeriod(row);
      if (isCurrentOn(period, day)) current.set(row.team_id, { team: toTeam(row), period, day });
    }
    return [...current.values()].sort((a, b) => byName(a.team, b.team));
  }

  /** Whether the person is a member of the team on `on` (the team's day). */
  async isMember(person: Person, teamId: string, on: OnDate): Promise<boolean> {
    return (await this.currentPeriod(person, teamId, on)) !== null;
  }

  /** Whether the person is a supervisor of the team on `on` (the team's day). */
  async isSupervisorOf(person: Person, teamId: string, on: OnDate): Promise<boolean> {
    return (await this.currentPeriod(person, teamId, on))?.role === 'supervisor';
  }

  /**
   * The participant's team on `on`: an instant is read as the day of the team of each of the participant's periods
   * (its time zone; UTC for a team the programme has not defined, such as the default team of a deployment from
   * before teams), a `YYYY-MM-DD` is taken as given. Null for a participant the directory never heard of, and for a
   * day before their referral.
   */
  async teamOf(participantId: string, on: OnDate): Promise<string | null> {
    if (!UUID.test(participantId)) return null;
    const rows = await this.db.query<ParticipantPeriodRow>(
      `select ${PARTICIPANT_PERIOD_COLUMNS} from td_participant_teams p left join td_teams t on t.team_id = p.team_id
        where p.participant_id = $1 order by p.occurred_at, p.period_id`,
      [participantId],
    );
    return periodOn(rows, on)?.team_id ?? null;
  }

  /**
   * The reader's strongest relation to the participant at `at` (one statement): `member` when the reader (by `sub`
   * and `agency`) is a member, in any role, of the participant's team of that day, on that team's day; else `named`
   * when they are named on the record at `at` (by `sub` and `agency`: the same subject at another agency is someone
   * else); else null, as for a participant the directory does not know.
   *
   * While no team is defined on the platform (`anyTeamDefined()` false) the deployment is one team, as before teams:
   * every staff principal of a team agency (welfare office, mental health, municipality; a staff role) is `member`
   * of every participant, so callers need not tell the two cases apart. Once the first team is defined, membership
   * counts: the participants from before sit in the default team (`DEFAULT_TEAM_ID`), whose members the
   * administrator names (the upgrade step).
   */
  async relationTo(reader: Reader, participantId: string, at: Date): Promise<Relation | null> {
    if (!UUID.test(participantId)) return isTeamStaff(reader) && !(await this.anyTeamDefined()) ? 'member' : null;
    const rows = await this.db.query<RelationRow>(
      `select (select exists (select 1 from td_teams)) as any_team,
         exists (select 1 from td_named n where n.participant_id = $1 and n.sub = $2 and n.agency = $3
                  and n.since <= $4::timestamptz and (n.until is null or n.until > $4::timestamptz)) as named,
         ${PARTICIPANT_PERIOD_COLUMNS},
         to_char(m.from_date, 'YYYY-MM-DD') as member_from, to_char(m.until_date, 'YYYY-MM-DD') as member_until
       from (select 1) as one
       left join td_participant_teams p on p.participant_id = $1 and (p.until_date is null or p.until_date >= $5::date)
       left join td_teams t on t.team_id = p.team_id
       left join td_members m on m.team_id = p.team_id and m.sub = $2 and m.agency = $3
         and (m.until_date is null or m.until_date >= $5::date)
       order by p.occurred_at, p.period_id`,
      [participantId, reader.sub, reader.agency, at.toISOString(), earliestDayOf(at)],
    );
    const [first] = rows;
    if (!first?.any_team && isTeamStaff(reader)) return 'member';
    const period = periodOn(
      rows.filter((row) => row.period_id !== null),
      at,
    );
    if (period) {
      const day = teamDay(period.time_zone ?? 'UTC', at);
      const member = rows.some(
        (row) => row.period_id === period.period_id && row.member_from !== null && isCurrentOn({ from: row.member_from, until: row.member_until }, day),
      );
      if (member) return 'member';
    }
    return first?.named ? 'named' : null;
  }

  /**
   * The teams the reader (by `sub` and `agency`) is a member of at `at`, each on its own day, any role: for scoping a
   * list with `participantsOf`. While no team is defined, a staff principal of a team agency is in the one team the
   * deployment is, the default team (`[DEFAULT_TEAM_ID]`), where every participant is: the same rule as `relationTo`.
   */
  async teamsOfReader(reader: Reader, at: Date): Promise<string[]> {
    const rows = await this.db.query<ReaderPeriodRow>(
      `select (select exists (select 1 from td_teams)) as any_team, m.team_id, t.time_zone,
         to_char(m.from_date, 'YYYY-MM-DD') as from_date, to_char(m.until_date, 'YYYY-MM-DD') as until_date
       from (select 1) as one
       left join td_members m on m.sub = $1 and m.agency = $2 and (m.until_date is null or m.until_date >= $3::date)
       left join td_teams t on t.team_id = m.team_id`,
      [reader.sub, reader.agency, earliestDayOf(at)],
    );
    if (!rows[0]?.any_team) return isTeamStaff(reader) ? [DEFAULT_TEAM_ID] : [];
    const teams = new Set<string>();
    for (const row of rows) {
      if (row.team_id === null || row.from_date === null) continue;
      if (isCurrentOn({ from: row.from_date, until: row.until_date }, teamDay(row.time_zone ?? 'UTC', at))) teams.add(row.team_id);
    }
    return [...teams].sort();
  }

  /**
   * The participants whose team at `at` (on that team's day, as `teamOf` reads it) is one of these, ids only, in no
   * particular order; unknown or malformed team ids are left out. `among`: only these participants are considered (a
   * caseload of twenty need not read a team of five hundred).
   */
  async participantsOf(teamIds: readonly string[], at: Date, among?: readonly string[]): Promise<string[]> {
    const ids = [...new Set(teamIds)].filter((id) => UUID.test(id));
    if (ids.length === 0 || among?.length === 0) return [];
    const params: unknown[] = [ids, earliestDayOf(at), latestDayOf(at)];
    const onlyAmong = among ? `and participant_id = any($${params.push(among.filter((id) => UUID.test(id)))}::uuid[])` : '';
    // The periods around `at` of every participant with one in these teams: a participant moving between teams whose
    // days begin at different hours is counted with the one team `teamOf` names. The candidates are an array, so their
    // periods are index lookups: joined as a set, PostgreSQL scanned every period of the country (22 ms at 100,000).
    const rows = await this.db.query<ParticipantPeriodRow & { participant_id: string }>(
      `select p.participant_id, ${PARTICIPANT_PERIOD_COLUMNS}
         from td_participant_teams p
         left join td_teams t on t.team_id = p.team_id
        where p.participant_id = any(array(
                select distinct participant_id from td_participant_teams
                 where team_id = any($1::uuid[]) and (until_date is null or until_date >= $2::date) and from_date <= $3::date ${onlyAmong}))
          and (p.until_date is null or p.until_date >= $2::date) and p.from_date <= $3::date
        order by p.participant_id, p.occurred_at, p.period_id`,
      params,
    );
    const byParticipant = new Map<string, ParticipantPeriodRow[]>();
    for (const row of rows) {
      const periods = byParticipant.get(row.participant_id);
      if (periods) periods.push(row);
      else byParticipant.set(row.participant_id, [row]);
    }
    const wanted = new Set(ids);
    const dayOf = daysOf(at);
    return [...byParticipant].filter(([, periods]) => wanted.has(periodOn(periods, at, dayOf)?.team_id ?? '')).map(([participantId]) => participantId);
  }

  /**
   * The participants the reader (by `sub` and `agency`) is named on the record of, ids only: at `at` when given,
   * else now as the latest events have it (not replaced since).
   */
  async participantsNaming(reader: Reader, at?: Date): Promise<string[]> {
    const rows = at
      ? await this.db.query<{ participant_id: string }>(
          `select distinct participant_id from td_named
            where sub = $1 and agency = $2 and since <= $3::timestamptz and (until is null or until > $3::timestamptz)`,
          [reader.sub, reader.agency, at.toISOString()],
        )
      : await this.db.query<{ participant_id: string }>('select distinct participant_id from td_named where sub = $1 and agency = $2 and until is null', [
          reader.sub,
          reader.agency,
        ]);
    return rows.map((row) => row.participant_id);
  }

  /**
   * Read-your-writes for the programme's write routes: resolves true once every team event this service wrote to its
   * outbox before the call is in this directory, false when that took longer than the bound (the caller answers
   * anyway: what it wrote is stored and will arrive). See `awaitOwnWrites`. Never throws.
   */
  async waitForHead(timeoutMs = this.catchUpTimeoutMs): Promise<boolean> {
    return (await this.awaitOwnWrites(timeoutMs)) !== 'timed-out';
  }

  /**
   * Waits until every event this service wrote to its outbox before the call that the directory reads (team events,
   * and the participant events that place a participant in a team or name someone) is in this directory: `none` when
   * there was nothing new to wait for, `applied` once it all arrived, `timed-out` after the bound. The same in both
   * profiles: in one process the relay hands the outbox to the in-process bus on its next pass; distributed, the
   * service's own directory consumer must get it back from Kafka. A work-need check asks it before refusing, so a
   * participant referred a moment ago is not refused to the caseworker who referred them. Never throws.
   */
  async awaitOwnWrites(timeoutMs = this.catchUpTimeoutMs): Promise<'none' | 'applied' | 'timed-out'> {
    if (!this.outbox) return 'none';
    const until = Date.now() + timeoutMs;
    let end = this.waitedUpTo;
    try {
      const written = await readAfter(this.outbox, this.waitedUpTo);
      end = written.at(-1)?.position ?? end;
      const ids = written.filter((message) => readsMessage(message.type)).map((message) => message.messageId);
      if (ids.length === 0) return 'none';
      for (;;) {
        if ((await this.appliedCount(ids)) === ids.length) return 'applied';
        const left = until - Date.now();
        if (left <= 0) return 'timed-out';
        await pause(Math.min(left, 20));
      }
    } catch {
      return 'timed-out';
    } finally {
      // Each write is waited for once: after a timeout, later calls wait only for what was written after it.
      this.waitedUpTo = Math.max(this.waitedUpTo, end);
    }
  }

  /** How many of these events the directory has applied: team events, participants' team periods and namings. */
  private async appliedCount(eventIds: readonly string[]): Promise<number> {
    const [row] = await this.db.query<{ applied: number }>(
      `select count(*)::int as applied from (
         select event_id from td_events where event_id = any($1::uuid[])
         union select period_id from td_participant_teams where period_id = any($1::uuid[])
         union select event_id from td_named where event_id = any($1::uuid[])) as applied`,
      [eventIds],
    );
    return Number(row?.applied ?? 0);
  }

  private async currentPeriod(person: Person, teamId: string, on: OnDate): Promise<MemberPeriod | null> {
    if (!UUID.test(teamId)) return null;
    const { sub, agency } = personOf(person);
    const rows = await this.db.query<PeriodRow & { time_zone: string }>(
      `select t.time_zone, ${PERIOD_COLUMNS} from td_members m join td_teams t on t.team_id = m.team_id
        where m.team_id = $1 and m.sub = $2 and ($3::text is null or m.agency = $3::text)`,
      [teamId, sub, agency],
    );
    for (const row of rows) {
      const period = toPeriod(row);
      if (isCurrentOn(period, teamDay(row.time_zone, on))) return period;
    }
    return null;
  }
}

/** Everything in the outbox after `position`, page by page. */
async function readAfter(outbox: OwnOutbox, position: number): Promise<{ position: number; messageId: string; type: string }[]> {
  const messages: { position: number; messageId: string; type: string }[] = [];
  for (let after = position; ;) {
    const page = await outbox.readOutbox(after, PAGE);
    messages.push(...page);
    if (page.length < PAGE) return messages;
    after = (page.at(-1) as { position: number }).position;
  }
}

async function headOf(outbox: OwnOutbox): Promise<number> {
  if (outbox.outboxHead) return outbox.outboxHead();
  for (let after = 0; ;) {
    const page = await outbox.readOutbox(after, PAGE);
    after = page.at(-1)?.position ?? after;
    if (page.length < PAGE) return after;
  }
}

/** Whether the directory applies messages of this outbox type (`Type.vN`): team events and the participant events it reads. */
const readsMessage = (type: string): boolean => teamContracts.has(type) || PROJECTED_PARTICIPANT_TYPES.has(type.replace(/\.v\d+$/, ''));
