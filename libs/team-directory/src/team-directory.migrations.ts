import { MigrationSet } from '@ips/postgres';

/**
 * Every service's own copy of the programme's registry of teams (decision 27), in its own database.
 *
 * - `td_events`: the team events applied, once each (the projection's idempotence, the log the tables can be rebuilt
 *   from, and what read-your-writes waits for).
 * - `td_teams`: a team's latest definition; `defined_at` is the `occurredAt` of the definition in force, so an older
 *   one delivered again never undoes a newer one.
 * - `td_members`: one row per period on a team, history kept: a person who leaves and joins again has two rows. A
 *   period is keyed by the TeamMemberAdded that opened it (two periods of one person may even start the same day, the
 *   first ended on its first day); `received` keeps their arrival order. Days are the team's local days; `until_date` is
 *   the first day without access. At most one open period per person and team.
 *
 * Version 2, the participant side (who may read a participant's record by work need):
 *
 * - `td_participant_teams`: the history of a participant's teams, one row per period, keyed by the event that opened
 *   it (the referral, or a transfer). `from_date` is the participant's first day with the team (a referral's day in the
 *   team's time zone, UTC when the directory does not know the team yet; a transfer's `on`), `until_date` the first day
 *   with the next team (null while open): the participant is with the team on days `from_date <= day < until_date`.
 *   `occurred_at` orders the periods as the welfare office recorded them. At most one open period per participant.
 * - `td_named`: the people named on the record (`relation`: employment specialist, contact person, clinician,
 *   municipal contact), by `sub` and `agency` (a subject is unique only within its agency). Keyed by the naming event
 *   and the relation (an enrolment names two people). Named from the event's `occurredAt` (`since`) until a later
 *   event of the same relation names someone (`until`, null while named): at most one named person per
 *   relation at a time. A discharge, a withdrawn referral or an ended treatment does not un-name anyone.
 * - `td_backfill`: how far the directory has read its own service's outbox for participant events from before it
 *   projected them (a data directory from before teams): `done` once it reached the end. A later version that
 *   projects more of them resets it.
 */
export const teamDirectoryMigrations: MigrationSet = {
  component: 'team-directory',
  migrations: [
    {
      version: 1,
      sql: `
create table td_events (
  event_id uuid primary key,
  team_id uuid not null,
  type text not null,
  version int not null,
  occurred_at timestamptz not null,
  recorded_by jsonb not null,
  data jsonb not null,
  received bigint generated always as identity
);
create index td_events_by_team on td_events (team_id, received);
create table td_teams (
  team_id uuid primary key,
  name text not null,
  municipality text not null,
  time_zone text not null,
  defined_at timestamptz not null
);
create table td_members (
  period_id uuid primary key,
  team_id uuid not null,
  sub text not null,
  display_name text not null,
  agency text not null,
  role text not null,
  from_date date not null,
  until_date date,
  added_at timestamptz not null,
  ended_at timestamptz,
  received bigint generated always as identity,
  check (until_date is null or until_date >= from_date)
);
create index td_members_by_sub on td_members (sub, team_id);
create index td_members_by_team on td_members (team_id, from_date);
create unique index td_members_one_open_period on td_members (team_id, sub) where until_date is null;`,
    },
    {
      version: 2,
      sql: `
create table td_participant_teams (
  period_id uuid primary key,
  participant_id uuid not null,
  team_id uuid not null,
  from_date date not null,
  until_date date,
  occurred_at timestamptz not null,
  check (until_date is null or until_date >= from_date)
);
create index td_participant_teams_by_participant on td_participant_teams (participant_id, occurred_at);
create index td_participant_teams_by_team on td_participant_teams (team_id, until_date);
create unique index td_participant_teams_one_open on td_participant_teams (participant_id) where until_date is null;
create table td_named (
  event_id uuid not null,
  relation text not null check (relation in ('employment-specialist', 'contact-person', 'clinician', 'municipal-contact')),
  participant_id uuid not null,
  sub text not null,
  agency text not null,
  since timestamptz not null,
  until timestamptz,
  primary key (event_id, relation),
  check (until is null or until >= since)
);
create index td_named_by_participant on td_named (participant_id, sub, agency);
create index td_named_by_reader on td_named (sub, agency, participant_id);
create unique index td_named_one_current on td_named (participant_id, relation) where until is null;
create table td_backfill (
  name text primary key,
  position bigint not null default 0,
  done boolean not null default false
);
insert into td_backfill (name) values ('participants');`,
    },
    {
      // Version 3: `td_participant_team_changes`, the first day each change to a participant's periods reaches (a new
      // period from its first day; a moved end from the earlier of its old and new day), in the order they were made.
      // Figures of closed periods kept elsewhere (the team view's quarter tallies, decision 36) are still good while no
      // change made after them reaches their last day. Kept by a trigger, so no writer of the periods can forget it.
      version: 3,
      sql: `
create table td_participant_team_changes (
  received bigint generated always as identity primary key,
  from_day date not null
);
create function td_note_participant_team_change() returns trigger
language plpgsql as $$
declare
  first date;
begin
  if tg_op = 'INSERT' then
    first := new.from_date;
  elsif tg_op = 'DELETE' then
    first := old.from_date;
  elsif new.participant_id is distinct from old.participant_id or new.team_id is distinct from old.team_id
     or new.from_date is distinct from old.from_date then
    first := least(old.from_date, new.from_date);
  elsif new.until_date is distinct from old.until_date then
    first := least(old.until_date, new.until_date);
  end if;
  if first is not null then
    insert into td_participant_team_changes (from_day) values (first);
  end if;
  return null;
end
$$;
create trigger td_participant_teams_changed after insert or update or delete on td_participant_teams
  for each row execute function td_note_participant_team_change();`,
    },
  ],
};
