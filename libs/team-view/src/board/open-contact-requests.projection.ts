import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor } from '@ips/postgres';

/** Its own component, so its versions never collide with the team view's other read models. */
export const openContactRequestsMigrations: MigrationSet = {
  component: 'team-view.contact-line',
  migrations: [
    {
      version: 1,
      sql: `
create table tv_open_contact_requests (
  request_id uuid primary key,
  participant_id uuid not null
);
create index tv_open_contact_requests_by_participant on tv_open_contact_requests (participant_id);`,
    },
  ],
};

/**
 * Employer requests not yet resolved, per participant: the board lists a participant with one even after
 * a discharge, because follow-along (and the employer line) goes on while the job does. Of a run of events, each
 * request's last decides: one statement for those open, one for those resolved.
 */
export async function projectOpenContactRequests(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void> {
  const open = new Map<string, string | null>(); // request → participant while open, null once resolved
  for (const event of events as readonly KnownSharedEvent[]) {
    if (event.type === 'ContactRequestReceived') open.set(event.data.requestId, event.participantId);
    else if (event.type === 'ContactRequestResolved') open.set(event.data.requestId, null);
  }
  const received = [...open].filter((entry): entry is [string, string] => entry[1] !== null);
  const resolved = [...open].filter(([, participantId]) => participantId === null).map(([requestId]) => requestId);
  if (received.length > 0) {
    await tx.query(
      `insert into tv_open_contact_requests (request_id, participant_id) select * from unnest($1::uuid[], $2::uuid[])
       on conflict (request_id) do nothing`,
      [received.map(([requestId]) => requestId), received.map(([, participantId]) => participantId)],
    );
  }
  if (resolved.length > 0) await tx.query('delete from tv_open_contact_requests where request_id = any($1::uuid[])', [resolved]);
}
