import { SqlExecutor } from '@ips/postgres';
import { LineReader } from '../contact-line/contact-line-access';
import { ContactRequestStatus, StaffContactRequestView } from '../contact-line/contact-request.view';

/** The requests a reader may reach, newest first: an employer its own, the crisis service what escalated to it. */
export async function listContactRequests(
  db: SqlExecutor,
  reader: LineReader,
  statuses: readonly ContactRequestStatus[] | null,
  limit: number,
): Promise<StaffContactRequestView[]> {
  const rows = await db.query<{ view: StaffContactRequestView }>(
    `select view from ecl_contact_requests
      where ($1::uuid is null or employer_id = $1::uuid)
        and ($2::text is null or tier = $2::text)
        and ($3::text[] is null or status = any($3::text[]))
      order by received_at desc, request_id
      limit $4`,
    [
      reader.kind === 'employer' ? reader.employerId : null,
      reader.kind === 'crisis-service' ? 'crisis-service' : null,
      statuses,
      limit,
    ],
  );
  return rows.map((row) => row.view);
}
