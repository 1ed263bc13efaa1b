import { SqlExecutor } from '@ips/postgres';

/** Dead letters stored in a service's database (msg_dead_letters), per consumer: what the engineer on call counts. */
export async function deadLettersByConsumer(db: SqlExecutor): Promise<ReadonlyMap<string, number>> {
  const rows = await db.query<{ consumer: string; n: unknown }>('select consumer, count(*) as n from msg_dead_letters group by consumer');
  return new Map(rows.map((row) => [row.consumer, Number(row.n)]));
}
