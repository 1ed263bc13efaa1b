import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor, valuesList } from '@ips/postgres';
import { factsOf } from '@ips/fidelity';
import { TeamViewReadModel } from '../read-model';
import {
  FIDELITY_FACT_EVENT_TYPES,
  FidelityFacts,
  evolveFidelityFacts,
  fidelityFactsOfTimeline,
  initialFidelityFacts,
  sharedEventsOf,
} from './fidelity-facts.evolve';

/**
 * One row per participant with an event fidelity reads: the facts (`FidelityFacts`: those events cut down, in
 * timeline order), and the enrolment and discharge days the fold gives, so a read loads only the participants served
 * in the period (`servedIn`), one statement.
 */
export const fidelityFactsMigrations: MigrationSet = {
  component: 'team-view.fidelity',
  migrations: [
    {
      version: 1,
      sql: `
create table tv_fidelity_facts (
  participant_id uuid primary key,
  enrolled_on date,
  discharged_on date,
  facts jsonb not null
);
create index tv_fidelity_facts_by_enrolment on tv_fidelity_facts (enrolled_on);`,
    },
  ],
};

/** Writes participants' facts with the days a read selects on: a statement per 500. */
async function writeFidelityFacts(tx: SqlExecutor, rows: readonly (readonly [string, FidelityFacts])[]): Promise<void> {
  if (rows.length === 0) return;
  const folded = rows.map(([id, facts]) => factsOf(id, sharedEventsOf(id, facts)));
  // A page of documents of ~20 KB each: a VALUES list, not arrays (valuesList), and 500 rows a statement at most.
  for (let from = 0; from < rows.length; from += 500) {
    const { sql, params } = valuesList(
      rows
        .slice(from, from + 500)
        .map(([id, facts], index) => [id, folded[from + index]?.enrolment?.on ?? null, folded[from + index]?.discharge?.on ?? null, JSON.stringify(facts)]),
      ['uuid', 'date', 'date', 'jsonb'],
    );
    await tx.query(
      `insert into tv_fidelity_facts (participant_id, enrolled_on, discharged_on, facts) values ${sql}
       on conflict (participant_id) do update
         set enrolled_on = excluded.enrolled_on, discharged_on = excluded.discharged_on, facts = excluded.facts`,
      params,
    );
  }
}

/**
 * Applies a run of shared events: one read of the rows the run touches, the pure fold, one upsert. The rows do not
 * depend on the order the events arrive in beyond the timeline's own (arrival breaks ties of `occurredAt`).
 */
export async function projectFidelityFacts(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void> {
  const relevant = events.filter((event) => FIDELITY_FACT_EVENT_TYPES.has(event.type));
  if (relevant.length === 0) return;
  const ids = [...new Set(relevant.map((event) => event.participantId.toLowerCase()))];
  const rows = await tx.query<{ participant_id: string; facts: FidelityFacts }>(
    'select participant_id, facts from tv_fidelity_facts where participant_id = any($1::uuid[])',
    [ids],
  );
  const facts = new Map(rows.map((row) => [row.participant_id.toLowerCase(), row.facts]));
  for (const event of relevant) {
    const id = event.participantId.toLowerCase();
    facts.set(id, evolveFidelityFacts(facts.get(id) ?? initialFidelityFacts, event));
  }
  await writeFidelityFacts(
    tx,
    ids.map((id) => [id, facts.get(id) as FidelityFacts]),
  );
}

/** The rebuild's page of whole timelines (timeline order): each folded, one write. */
export async function rebuildFidelityFacts(timelines: ReadonlyMap<string, readonly SharedEvent[]>, tx: SqlExecutor): Promise<void> {
  const rows: [string, FidelityFacts][] = [];
  for (const [id, events] of timelines) {
    const facts = fidelityFactsOfTimeline(events);
    if (facts.events.length > 0) rows.push([id, facts]);
  }
  await writeFidelityFacts(tx, rows);
}

/** Fidelity's stored read model (issue 22): per participant, what the IPS-25 items computed from events read. */
export const fidelityFactsReadModel: TeamViewReadModel = {
  name: 'fidelity-facts',
  version: 1,
  migrations: fidelityFactsMigrations,
  tables: ['tv_fidelity_facts'],
  apply: projectFidelityFacts,
  rebuild: rebuildFidelityFacts,
};
