import { SqlExecutor } from '@ips/postgres';

/** The 24/7 line as its read model stands at `now`: for the engineer on call (metrics), never per participant. */
export interface ContactLineFigures {
  /** Not resolved yet. */
  readonly open: number;
  /**
   * Nobody has taken it and its first deadline (`answerBy`, the line's promise to the employer) has passed: the board's
   * "not answered in time". Rows stored before `answerBy` existed use the deadline before their first escalation.
   */
  readonly overdue: number;
  /** Escalated and still waiting for someone to take it. */
  readonly escalated: number;
}

export async function contactLineFigures(db: SqlExecutor, now: Date): Promise<ContactLineFigures> {
  const [row] = await db.query<{ open: unknown; overdue: unknown; escalated: unknown }>(
    `select count(*) as open,
            count(*) filter (
              where status in ('received', 'escalated')
                and coalesce(
                      view->>'answerBy',
                      (select h->>'at' from jsonb_array_elements(view->'history') h where h->>'status' = 'escalated' limit 1),
                      view->>'acknowledgeBy'
                    )::timestamptz < $1::timestamptz
            ) as overdue,
            count(*) filter (where status = 'escalated') as escalated
       from ecl_contact_requests
      where status <> 'resolved'`,
    [now.toISOString()],
  );
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), escalated: Number(row?.escalated ?? 0) };
}
