import { SqlExecutor } from '@ips/postgres';
import { LineReader } from '@ips/access';
import { ContactRequestRecord, ContactRequestStatus, recordOf } from '../contact-line/contact-request.view';

/**
 * Whose requests a staff reader's list covers (decision 29): those about these participants, and those the reader
 * (`sub`) holds or is the participant's specialist for.
 */
export interface StaffListScope {
  readonly participantIds: readonly string[];
  readonly sub: string;
}

/**
 * The requests a reader may be listed, newest first: an employer its own, the crisis service what escalated to it,
 * staff those in their scope (every request while no team is defined: `scope` null).
 */
export async function listContactRequests(
  db: SqlExecutor,
  reader: LineReader,
  statuses: readonly ContactRequestStatus[] | null,
  limit: number,
  scope: StaffListScope | null = null,
): Promise<ContactRequestRecord[]> {
  const rows = await db.query<{ view: ContactRequestRecord }>(
    `select view from ecl_contact_requests
      where ($1::uuid is null or employer_id = $1::uuid)
        and ($2::text is null or tier = $2::text)
        and ($3::text[] is null or status = any($3::text[]))
        and ($5::text[] is null or view->>'participantId' = any($5::text[])
             or view->>'assigneeId' = $6::text or view->>'specialistId' = $6::text)
      order by received_at desc, request_id
      limit $4`,
    [
      reader.kind === 'employer' ? reader.employerId : null,
      reader.kind === 'crisis-service' ? 'crisis-service' : null,
      statuses,
      limit,
      scope ? scope.participantIds : null,
      scope ? scope.sub : null,
    ],
  );
  return rows.map((row) => recordOf(row.view));
}
