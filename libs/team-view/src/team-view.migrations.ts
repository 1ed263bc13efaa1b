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
  ],
};
