import { CommandPipeline } from '@ips/command-pipeline';
import { EventStore, recordedOf } from '@ips/event-store';
import { SqlExecutor } from '@ips/postgres';
import { fold, streamId } from '@ips/kernel';
import { EmergencyAccessEvent, EmergencyGrant, EmergencyGrants, emergencyAccessAggregate, grantInForce } from './emergency-access';
import { emergencyAccessSlice } from './emergency-access.slice';

const isEmergencyAccessEvent = recordedOf<EmergencyAccessEvent>(emergencyAccessAggregate, {
  EmergencyAccessGranted: true,
  EmergencyAccessEnded: true,
  EmergencyAccessReviewed: true,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An index row: where a grant's events are (its participant's stream), and whose review list it is on. */
export interface GrantIndexRow {
  readonly grantId: string;
  readonly participantId: string;
  readonly teamId: string | null;
  readonly holderSub: string;
  readonly holderAgency: string;
}

/**
 * Emergency grants as the team view reads them (decision 30). The events in each participant's stream are the record;
 * `tv_emergency_grants` only says which streams to read for a grant id, a team's review list or a holder's own grants.
 * A row is written before its grant's events and removed when the grant is refused, so a crash between the two leaves
 * at most a row without a grant, which every read skips: a grant is never missing from a list.
 */
export class EmergencyAccessRecords {
  constructor(
    private readonly store: EventStore,
    private readonly db: SqlExecutor,
    /** The service's pipeline: folds a participant's grants with their words opened. */
    private readonly pipeline: Pick<CommandPipeline, 'load'>,
  ) {}

  /** The reader's grant to the participant in force at `at`: what the auth guard asks when the directory knows no relation. */
  async inForce(reader: { readonly sub: string; readonly agency: string }, participantId: string, at: Date): Promise<EmergencyGrant | null> {
    if (!UUID.test(participantId)) return null;
    const { events } = await this.store.readStream(streamId(emergencyAccessAggregate.category, participantId));
    if (events.length === 0) return null;
    // Asked on every such read: folded as stored, without opening the reason and notes (the guard needs neither).
    return grantInForce(fold(emergencyAccessAggregate, events.filter(isEmergencyAccessEvent)), reader, at);
  }

  /** The participant's grants with their reason and notes opened (`[erased]` once the participant is erased). */
  grantsOf(participantId: string): Promise<EmergencyGrants> {
    return this.pipeline.load(emergencyAccessSlice, participantId);
  }

  async index(row: GrantIndexRow, grantedAt: string): Promise<void> {
    await this.db.query(
      `insert into tv_emergency_grants (grant_id, participant_id, team_id, holder_sub, holder_agency, granted_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (grant_id) do nothing`,
      [row.grantId, row.participantId, row.teamId, row.holderSub, row.holderAgency, grantedAt],
    );
  }

  async unindex(grantId: string): Promise<void> {
    await this.db.query('delete from tv_emergency_grants where grant_id = $1', [grantId]);
  }

  async indexed(grantId: string): Promise<GrantIndexRow | null> {
    if (!UUID.test(grantId)) return null;
    const [row] = await this.db.query<IndexRow>(`select ${COLUMNS} from tv_emergency_grants where grant_id = $1`, [grantId]);
    return row ? fromRow(row) : null;
  }

  /** The grants to review of these teams, and the reader's own; newest first, at most `limit`. */
  async listed(teamIds: readonly string[], holder: { readonly sub: string; readonly agency: string } | null, limit: number): Promise<EmergencyGrant[]> {
    const rows = await this.db.query<IndexRow>(
      `select ${COLUMNS} from tv_emergency_grants
        where team_id = any($1::text[]) or (holder_sub = $2 and holder_agency = $3)
        order by granted_at desc, grant_id limit $4`,
      [teamIds, holder?.sub ?? null, holder?.agency ?? null, limit],
    );
    const byParticipant = new Map<string, EmergencyGrants>();
    for (const participantId of new Set(rows.map((row) => row.participant_id))) byParticipant.set(participantId, await this.grantsOf(participantId));
    // A row whose grant was never written (a crash between the two) is skipped.
    return rows.flatMap((row) => byParticipant.get(row.participant_id)?.get(row.grant_id) ?? []);
  }
}

type IndexRow = { grant_id: string; participant_id: string; team_id: string | null; holder_sub: string; holder_agency: string };
const COLUMNS = 'grant_id, participant_id, team_id, holder_sub, holder_agency';
const fromRow = (row: IndexRow): GrantIndexRow => ({
  grantId: row.grant_id,
  participantId: row.participant_id,
  teamId: row.team_id,
  holderSub: row.holder_sub,
  holderAgency: row.holder_agency,
});
