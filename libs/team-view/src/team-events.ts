import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/**
 * The shared events in timeline order of these participants (every participant when null: no team is defined), for
 * the team-wide figures still folded at read time (fidelity); `specialist` narrows to one employment specialist's
 * caseload. Each case has its own SQL, so the timeline's index by participant is used (a `$1 is null or …` condition
 * made PostgreSQL scan the whole timeline for a 20-person team).
 */
export async function loadTeamEvents(
  db: SqlExecutor,
  participantIds: readonly string[] | null,
  specialist: string | null = null,
): Promise<Map<string, SharedEvent[]>> {
  if (participantIds?.length === 0) return new Map();
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (participantIds !== null) {
    params.push(participantIds);
    conditions.push(`t.participant_id = any($${params.length}::uuid[])`);
  }
  if (specialist !== null) {
    params.push(specialist);
    conditions.push(`t.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $${params.length})`);
  }
  const rows = await db.query<{ participant_id: string; event: SharedEvent }>(
    `select t.participant_id, t.event from tv_timeline t
      ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
      order by t.participant_id, t.occurred_at, t.received`,
    params,
  );
  const byParticipant = new Map<string, SharedEvent[]>();
  for (const row of rows) {
    const events = byParticipant.get(row.participant_id);
    if (events) events.push(row.event);
    else byParticipant.set(row.participant_id, [row.event]);
  }
  return byParticipant;
}
