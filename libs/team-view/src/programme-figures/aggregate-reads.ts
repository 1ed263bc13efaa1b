import { Principal } from '@ips/access';
import { SqlExecutor } from '@ips/postgres';

export type AggregateRead = 'programme-outcomes' | 'programme-fidelity';

/**
 * A read of figures across teams: who, when, what (`scope`: the quarter or period and the format) and which teams.
 * About no participant, so it is kept apart from the participants' access log (tv_audit_log) and never shown there.
 */
export async function recordAggregateRead(
  db: SqlExecutor,
  reader: Principal,
  what: AggregateRead,
  scope: string,
  teams: readonly string[],
  correlationId?: string,
): Promise<void> {
  await db.query(
    `insert into tv_aggregate_reads (actor_sub, actor_agency, actor_role, what, scope, teams, correlation_id)
     values ($1, $2, $3, $4, $5, $6::text[], $7)`,
    [reader.sub, reader.agency, reader.role, what, scope, [...teams], correlationId ?? null],
  );
}
