import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/** A participant's shared events, oldest first; equal times keep the order they arrived in. */
export async function loadTimeline(db: SqlExecutor, participantId: string): Promise<SharedEvent[]> {
  const rows = await db.query<{ event: SharedEvent }>('select event from tv_timeline where participant_id = $1 order by occurred_at, received', [
    participantId,
  ]);
  return rows.map((row) => row.event);
}
