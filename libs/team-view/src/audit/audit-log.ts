import { Principal } from '@ips/access';
import { SqlExecutor } from '@ips/postgres';

export type AuditAction =
  | 'read-summary'
  | 'read-timeline'
  | 'follow-timeline'
  | 'read-board'
  | 'read-participant-list'
  | 'read-employer-placements'
  | 'read-access-log'
  | 'read-fidelity';

/** Every read of participant data, allowed or not, for the participant's access log (Normen). */
export async function recordRead(
  db: SqlExecutor,
  reader: Principal,
  participantId: string,
  action: AuditAction,
  outcome: 'allowed' | 'denied' | 'not-found',
  correlationId?: string,
): Promise<void> {
  await db.query(
    `insert into tv_audit_log (participant_id, actor_sub, actor_agency, actor_role, action, outcome, correlation_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [participantId, reader.sub, reader.agency, reader.role, action, outcome, correlationId ?? null],
  );
}
