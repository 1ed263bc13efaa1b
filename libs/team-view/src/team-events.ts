import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/**
 * Every participant's shared events in timeline order, for the team-wide figures (outcomes, fidelity);
 * `team` narrows to one employment specialist's caseload.
 */
export async function loadTeamEvents(db: SqlExecutor, team: string | null): Promise<Map<string, SharedEvent[]>> {
  const rows = await db.query<{ participant_id: string; event: SharedEvent }>(
    `select t.participant_id, t.event from tv_timeline t
      where $1::text is null or t.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $1)
      order by t.participant_id, t.occurred_at, t.received`,
    [team],
  );
  const byParticipant = new Map<string, SharedEvent[]>();
  for (const row of rows) {
    const events = byParticipant.get(row.participant_id);
    if (events) events.push(row.event);
    else byParticipant.set(row.participant_id, [row.event]);
  }
  return byParticipant;
}
