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
  | 'read-fidelity'
  | 'read-emergency-access';

/**
 * Every read of participant data, allowed or not, for the participant's access log (Normen), at the platform's clock's
 * `at` (the time its writes and emergency accesses are stamped with, so one log reads in one time).
 */
export async function recordRead(
  db: SqlExecutor,
  reader: Principal,
  participantId: string,
  action: AuditAction,
  outcome: 'allowed' | 'denied' | 'not-found',
  at: Date,
  correlationId?: string,
): Promise<void> {
  await insertReads(db, reader, [participantId], action, outcome, at, correlationId);
}

/** The same for every participant shown in one answer (a list, a board): one statement for the answer. */
export async function recordReads(
  db: SqlExecutor,
  reader: Principal,
  participantIds: readonly string[],
  action: AuditAction,
  at: Date,
  correlationId?: string,
): Promise<void> {
  if (participantIds.length > 0) await insertReads(db, reader, participantIds, action, 'allowed', at, correlationId);
}

async function insertReads(
  db: SqlExecutor,
  reader: Principal,
  participantIds: readonly string[],
  action: AuditAction,
  outcome: 'allowed' | 'denied' | 'not-found',
  at: Date,
  correlationId?: string,
): Promise<void> {
  await db.query(
    `insert into tv_audit_log (participant_id, actor_sub, actor_agency, actor_role, action, outcome, correlation_id, at)
     select participant_id, $2, $3, $4, $5, $6, $7, $8 from unnest($1::uuid[]) with ordinality as p(participant_id, n) order by n`,
    [participantIds, reader.sub, reader.agency, reader.role, action, outcome, correlationId ?? null, at.toISOString()],
  );
}
