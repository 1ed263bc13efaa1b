import { MigrationSet } from '@ips/postgres';

export const teamViewMigrations: MigrationSet = {
  component: 'team-view',
  migrations: [
    {
      version: 1,
      sql: `
create table tv_timeline (
  event_id uuid primary key,
  participant_id uuid not null,
  source text not null,
  type text not null,
  version int not null,
  occurred_at timestamptz not null,
  received bigint generated always as identity,
  event jsonb not null
);
create index tv_timeline_by_participant on tv_timeline (participant_id, occurred_at, received);
create table tv_audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  participant_id uuid not null,
  actor_sub text not null,
  actor_agency text not null,
  actor_role text not null,
  action text not null,
  outcome text not null,
  correlation_id text
);
create index tv_audit_log_by_participant on tv_audit_log (participant_id, at);`,
    },
    {
      version: 2,
      sql: `
create table tv_caseload (
  participant_id uuid primary key,
  employment_specialist_id text not null,
  enrolled_at timestamptz not null,
  discharged_at timestamptz
);
create index tv_caseload_by_specialist on tv_caseload (employment_specialist_id) where discharged_at is null;`,
    },
    {
      // Reads of figures across teams (GET /programme/outcomes, /programme/fidelity): audited, but about no participant,
      // so never in a participant's access log (tv_audit_log).
      version: 3,
      sql: `
create table tv_aggregate_reads (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_sub text not null,
  actor_agency text not null,
  actor_role text not null,
  what text not null,
  scope text not null,
  teams text[] not null,
  correlation_id text
);
create index tv_aggregate_reads_by_at on tv_aggregate_reads (at);`,
    },
    {
      // Emergency access (decision 30): which participant's stream holds a grant, and whose review list it is on.
      version: 4,
      sql: `
create table tv_emergency_grants (
  grant_id uuid primary key,
  participant_id uuid not null,
  team_id text,
  holder_sub text not null,
  holder_agency text not null,
  granted_at timestamptz not null
);
create index tv_emergency_grants_by_team on tv_emergency_grants (team_id, granted_at);
create index tv_emergency_grants_by_holder on tv_emergency_grants (holder_sub, holder_agency, granted_at);`,
    },
  ],
};
