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
 * a discharge, because follow-along (and the employer line) goes on while the job does.
 */
export async function projectOpenContactRequests(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  const known = event as KnownSharedEvent;
  if (known.type === 'ContactRequestReceived') {
    await tx.query(
      'insert into tv_open_contact_requests (request_id, participant_id) values ($1, $2) on conflict (request_id) do nothing',
      [known.data.requestId, known.participantId],
    );
  } else if (known.type === 'ContactRequestResolved') {
    await tx.query('delete from tv_open_contact_requests where request_id = $1', [known.data.requestId]);
  }
}
