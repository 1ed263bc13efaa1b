import { recordedOf } from '@ips/event-store';
import { EmployerRegistered, employerAggregate } from '@ips/employer/domain';
import { SqlExecutor } from '@ips/postgres';
import { ContactLineProjection, eachEvent } from './contact-line.projection';

export interface EmployerEntry {
  readonly employerId: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly registeredAt: string;
}

const isEmployerRegistered = recordedOf<EmployerRegistered>(employerAggregate, { EmployerRegistered: true });

/** Employers live one per stream; staff who develop jobs pick from this list of them. */
export const projectEmployerDirectory: ContactLineProjection = eachEvent(async (event, tx) => {
  if (!isEmployerRegistered(event)) return;
  const { employerId, name, organisationNumber, registeredAt } = event.data;
  await tx.query(
    `insert into ecl_employers (employer_id, name, organisation_number, registered_at) values ($1, $2, $3, $4)
     on conflict (employer_id) do nothing`,
    [employerId, name, organisationNumber, registeredAt],
  );
});

/** By name (case-insensitive), those whose name or organisation number contains `search` when given. */
export async function listEmployers(db: SqlExecutor, search: string | undefined, limit: number): Promise<EmployerEntry[]> {
  const rows = await db.query<{ employer_id: string; name: string; organisation_number: string; registered_at: unknown }>(
    `select employer_id, name, organisation_number, registered_at from ecl_employers
      where $1::text is null or strpos(lower(name), lower($1)) > 0 or strpos(organisation_number, $1) > 0
      order by lower(name), employer_id limit $2`,
    [search ?? null, limit],
  );
  return rows.map((row) => ({
    employerId: row.employer_id,
    name: row.name,
    organisationNumber: row.organisation_number,
    registeredAt: new Date(row.registered_at as string).toISOString(),
  }));
}

/** The registered names of these employers, by id, in one query (a list of requests names each employer once). */
export async function employerNamesOf(db: SqlExecutor, employerIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(employerIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ employer_id: string; name: string }>('select employer_id, name from ecl_employers where employer_id = any($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.employer_id, row.name]));
}
