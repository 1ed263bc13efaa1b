import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';
import { Period } from '@ips/fidelity';
import { FidelityFacts, sharedEventsOf } from './fidelity-facts.evolve';

/**
 * The stored fidelity facts of these participants (every participant when null: no team is defined) served on some
 * day of `period`, as each one's kept events in timeline order (what `fidelityFor` and `visibleTo` read), in one
 * statement; `specialist` narrows to one employment specialist's caseload, as the caseload table says. A participant
 * not served in the period counts in no item, so leaving them out changes no answer. Each case has its own SQL, so
 * the primary key is used for a team.
 */
export async function loadFidelityFacts(
  db: SqlExecutor,
  participantIds: readonly string[] | null,
  period: Period,
  specialist: string | null = null,
): Promise<Map<string, SharedEvent[]>> {
  if (participantIds?.length === 0) return new Map();
  const params: unknown[] = [period.from, period.to];
  const conditions = ['f.enrolled_on <= $2::date', '(f.discharged_on is null or f.discharged_on >= $1::date)'];
  if (participantIds !== null) {
    params.push(participantIds);
    conditions.push(`f.participant_id = any($${params.length}::uuid[])`);
  }
  if (specialist !== null) {
    params.push(specialist);
    conditions.push(`f.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $${params.length})`);
  }
  const rows = await db.query<{ participant_id: string; facts: FidelityFacts }>(
    `select f.participant_id, f.facts from tv_fidelity_facts f where ${conditions.join(' and ')} order by f.participant_id`,
    params,
  );
  return new Map(rows.map((row) => [row.participant_id, sharedEventsOf(row.participant_id, row.facts)]));
}

/**
 * A page of every participant's stored fidelity facts served in `period`, by participant id after `after` (null: from
 * the first): for figures over a whole deployment without holding it.
 */
export async function loadFidelityFactsPage(db: SqlExecutor, period: Period, after: string | null, limit: number): Promise<Map<string, SharedEvent[]>> {
  const rows = await db.query<{ participant_id: string; facts: FidelityFacts }>(
    `select f.participant_id, f.facts from tv_fidelity_facts f
      where f.enrolled_on <= $2::date and (f.discharged_on is null or f.discharged_on >= $1::date)
        ${after === null ? '' : 'and f.participant_id > $4::uuid'}
      order by f.participant_id limit $3`,
    after === null ? [period.from, period.to, limit] : [period.from, period.to, limit, after],
  );
  return new Map(rows.map((row) => [row.participant_id, sharedEventsOf(row.participant_id, row.facts)]));
}
