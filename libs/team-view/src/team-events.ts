import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/**
 * The shared events in timeline order of these participants (every participant when null: no team is defined), for
 * the team-wide figures (outcomes, fidelity); `specialist` narrows to one employment specialist's caseload.
 */
export async function loadTeamEvents(
  db: SqlExecutor,
  participantIds: readonly string[] | null,
  specialist: string | null = null,
): Promise<Map<string, SharedEvent[]>> {
  if (participantIds?.length === 0) return new Map();
  const rows = await db.query<{ participant_id: string; event: SharedEvent }>(
    `select t.participant_id, t.event from tv_timeline t
      where ($1::uuid[] is null or t.participant_id = any($1::uuid[]))
        and ($2::text is null or t.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $2))
      order by t.participant_id, t.occurred_at, t.received`,
    [participantIds, specialist],
  );
  const byParticipant = new Map<string, SharedEvent[]>();
  for (const row of rows) {
    const events = byParticipant.get(row.participant_id);
    if (events) events.push(row.event);
    else byParticipant.set(row.participant_id, [row.event]);
  }
  return byParticipant;
}
