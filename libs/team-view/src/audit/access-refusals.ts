import { AccessRefusals, Principal } from '@ips/access';
import { Clock } from '@ips/kernel';
import { SqlExecutor } from '@ips/postgres';
import { AuditAction, recordRead } from './audit-log';

/** The team view's participant reads, by policy route, as their access-log actions. */
const READS: Readonly<Record<string, AuditAction>> = {
  'GET /team-view/participants/:id': 'read-summary',
  'GET /team-view/participants/:id/timeline': 'read-timeline',
  'GET /team-view/participants/:id/stream': 'follow-timeline',
  'GET /team-view/participants/:id/access-log': 'read-access-log',
};

/**
 * The auth guard's work-need refusals (ACCESS_REFUSALS) in the team view's access log: a refused read is written as
 * `denied`, like a read the consent refused, so the participant sees who tried. Routes other than the team view's
 * reads (an agency's write in the same process) are not reads of the record: nothing is written for them.
 */
export const teamViewAccessRefusals = (db: SqlExecutor, clock: Clock): AccessRefusals => ({
  recordRefused: async (principal: Principal, participantId: string, route: string): Promise<void> => {
    const action = READS[route];
    if (action) await recordRead(db, principal, participantId, action, 'denied', clock.now());
  },
});
