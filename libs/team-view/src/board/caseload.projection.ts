import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/** Who is on which employment specialist's caseload: the board's index. */
export async function projectCaseload(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  const known = event as KnownSharedEvent;
  if (known.type === 'ParticipantEnrolled') {
    await tx.query(
      `insert into tv_caseload (participant_id, employment_specialist_id, enrolled_at) values ($1, $2, $3)
       on conflict (participant_id) do update set employment_specialist_id = excluded.employment_specialist_id,
         enrolled_at = excluded.enrolled_at, discharged_at = null`,
      [known.participantId, known.data.employmentSpecialistId, known.occurredAt],
    );
  } else if (known.type === 'ParticipantDischarged') {
    await tx.query('update tv_caseload set discharged_at = $2 where participant_id = $1', [known.participantId, known.occurredAt]);
  }
}
