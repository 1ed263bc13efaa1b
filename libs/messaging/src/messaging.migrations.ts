import { MigrationSet } from '@ips/postgres';

export const messagingMigrations: MigrationSet = {
  component: 'messaging',
  migrations: [
    {
      version: 1,
      sql: `
create table msg_consumer_checkpoints (
  consumer text not null,
  stream text not null,
  position bigint not null,
  updated_at timestamptz not null default now(),
  primary key (consumer, stream)
);
create table msg_dead_letters (
  id bigint generated always as identity primary key,
  consumer text not null,
  stream text not null,
  position bigint not null,
  message_id text,
  message jsonb not null,
  reason text not null,
  errors jsonb not null default '[]'::jsonb,
  recorded_at timestamptz not null default now()
);`,
    },
    {
      version: 2,
      sql: `
create table msg_processed_messages (
  consumer text not null,
  message_id text not null,
  primary key (consumer, message_id)
);`,
    },
    {
      // Decision 41: a checkpoint knows its source. `message_id` is the id of the message at `position` (the last one
      // applied), to recognise a recreated topic when that offset is read again; an origin row says which Kafka
      // cluster and topic a consumer's kafka: checkpoints count in.
      version: 3,
      sql: `
alter table msg_consumer_checkpoints add column message_id text;
create table msg_consumer_origins (
  consumer text primary key,
  origin text not null,
  recorded_at timestamptz not null default now()
);`,
    },
  ],
};
