import { MigrationSet } from '@ips/postgres';

/**
 * The contact line's read models, in the employer service's own database, fed by its own events
 * (ContactLineProjector): lookups the streams cannot answer by key, and what is due when.
 */
export const contactLineMigrations: MigrationSet = {
  component: 'employer.contact-line',
  migrations: [
    {
      version: 1,
      sql: `
create table ecl_placements (
  placement_id uuid primary key,
  participant_id uuid not null,
  employer_id uuid not null
);
create table ecl_team_members (
  employment_specialist_id text primary key,
  team_id uuid not null
);
create table ecl_contact_requests (
  request_id uuid primary key,
  employer_id uuid not null,
  tier text not null,
  status text not null,
  received_at timestamptz not null,
  view jsonb not null
);
create index ecl_contact_requests_by_employer on ecl_contact_requests (employer_id, received_at desc);
create index ecl_contact_requests_by_time on ecl_contact_requests (received_at desc);
create table ecl_due_escalations (
  request_id uuid primary key,
  participant_id uuid not null,
  level int not null,
  next_tier text not null,
  due_at timestamptz not null
);
create index ecl_due_escalations_by_due on ecl_due_escalations (due_at);
create table ecl_deliveries (
  delivery_id uuid primary key,
  event_id uuid not null,
  request_id uuid not null,
  channel text not null,
  notification jsonb not null,
  status text not null,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  claimed_until timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  delivered_at timestamptz,
  unique (event_id, channel)
);
create index ecl_deliveries_due on ecl_deliveries (next_attempt_at) where status = 'pending';
create index ecl_deliveries_by_request on ecl_deliveries (request_id);`,
    },
    {
      // The employer directory, filled at once from the employers already registered (their events are in this database).
      version: 2,
      sql: `
create table ecl_employers (
  employer_id uuid primary key,
  name text not null,
  organisation_number text not null,
  registered_at timestamptz not null
);
create index ecl_employers_by_name on ecl_employers (lower(name));
do $fill$ begin
  -- Only where the events are in this database (the PostgreSQL store); from KurrentDB the projection fills it from the start.
  if to_regclass('es_events') is not null then
    execute $q$
insert into ecl_employers (employer_id, name, organisation_number, registered_at)
select (data->>'employerId')::uuid, data->>'name', data->>'organisationNumber', (data->>'registeredAt')::timestamptz
  from es_events where type = 'EmployerRegistered' and stream_id like 'employer.employer-%'
on conflict (employer_id) do nothing$q$;
  end if;
end $fill$;`,
    },
    {
      // The projection's checkpoint moves from the PostgreSQL store's table to the consumers' checkpoints (decision 5):
      // carried over, so an upgraded service neither replays the line (and its notifications) nor skips anything. The
      // projector creates the consumers' checkpoints before it runs these migrations.
      version: 3,
      sql: `
do $carry$ begin
  if to_regclass('es_checkpoints') is not null and to_regclass('msg_consumer_checkpoints') is not null then
    execute $q$
insert into msg_consumer_checkpoints (consumer, stream, position)
select name, '$all', position from es_checkpoints where name = 'employer.contact-line'
on conflict (consumer, stream) do update set position = greatest(msg_consumer_checkpoints.position, excluded.position)$q$;
  end if;
end $carry$;`,
    },
    {
      // The checkpoint of a rebuild under way (npm run rebuild:contact-line): one row while there is one.
      version: 4,
      sql: `
create table ecl_rebuild (
  id int primary key default 1 check (id = 1),
  upto bigint not null,
  after bigint not null,
  done bigint not null,
  total bigint,
  tables text[] not null,
  started_at timestamptz not null default now()
);`,
    },
  ],
};
