import { recordedOf } from '@ips/event-store';
import { OnCallTeamDefined, onCallRosterAggregate } from '@ips/employer/domain';
import { SqlExecutor } from '@ips/postgres';
import { ContactLineProjection, eachEvent } from './contact-line.projection';

const isOnCallTeamDefined = recordedOf<OnCallTeamDefined>(onCallRosterAggregate, { OnCallTeamDefined: true });

/**
 * Which on-call team from before teams (PUT /employer/on-call/teams/:teamId) covers a specialist's participants. Teams
 * are defined in their own streams, so the way from a specialist to a team is this index; a specialist named by a later
 * definition moves there. Routing asks it only when the participant's programme team has nobody on call (the upgrade
 * path, decision 27): data written before teams keeps working.
 */
export const projectTeamDirectory: ContactLineProjection = eachEvent(async (event, tx) => {
  if (!isOnCallTeamDefined(event)) return;
  const { teamId, employmentSpecialistIds } = event.data;
  await tx.query('delete from ecl_team_members where team_id = $1', [teamId]);
  for (const specialist of employmentSpecialistIds) {
    await tx.query(
      `insert into ecl_team_members (employment_specialist_id, team_id) values ($1, $2)
       on conflict (employment_specialist_id) do update set team_id = excluded.team_id`,
      [specialist, teamId],
    );
  }
});

/** The on-call team from before teams (PUT /employer/on-call/teams) of each specialist asked for, in one query (a busy line asks for many at once). */
export async function teamsOf(db: SqlExecutor, employmentSpecialistIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const rows = await db.query<{ employment_specialist_id: string; team_id: string }>(
    'select employment_specialist_id, team_id from ecl_team_members where employment_specialist_id = any($1::text[])',
    [employmentSpecialistIds],
  );
  return new Map(rows.map((row) => [row.employment_specialist_id, row.team_id]));
}
