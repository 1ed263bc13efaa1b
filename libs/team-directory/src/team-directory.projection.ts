import { KnownTeamEvent, TeamEvent, contractKey, teamContracts } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';
import { assertNever } from '@ips/kernel';

/** A team event the consumer accepted (its contract is known) that this projection was not written for: a new version. */
export class UnprojectedTeamEventError extends Error {
  constructor(event: TeamEvent) {
    super(`the team directory has no projection for ${contractKey(event.type, event.version)}`);
    this.name = 'UnprojectedTeamEventError';
  }
}

const PROJECTED = new Set(['TeamDefined.v1', 'TeamMemberAdded.v1', 'TeamMembershipEnded.v1']);

function known(event: TeamEvent): KnownTeamEvent {
  const key = contractKey(event.type, event.version);
  // Failing (and so, after the consumer's attempts, a dead letter with this reason) beats passing over a membership.
  if (!PROJECTED.has(key) || !teamContracts.has(key)) throw new UnprojectedTeamEventError(event);
  return event as KnownTeamEvent;
}

/**
 * Applies one team event to the directory, in the caller's transaction (the consumer's, with its checkpoint).
 * Idempotent on its own: an event already in `td_events` changes nothing, so a redelivery can never close a later
 * period of someone who left and joined again.
 */
export async function applyTeamEvent(event: TeamEvent, tx: SqlExecutor): Promise<void> {
  const teamEvent = known(event);
  const logged = await tx.query(
    `insert into td_events (event_id, team_id, type, version, occurred_at, recorded_by, data)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) on conflict (event_id) do nothing returning event_id`,
    [
      teamEvent.id,
      teamEvent.teamId,
      teamEvent.type,
      teamEvent.version,
      teamEvent.occurredAt,
      JSON.stringify(teamEvent.recordedBy),
      JSON.stringify(teamEvent.data),
    ],
  );
  if (logged.length === 0) return;
  switch (teamEvent.type) {
    case 'TeamDefined': {
      const { name, municipality, timeZone } = teamEvent.data;
      // The whole definition each time; the one that happened last is in force, whatever order they arrive in.
      await tx.query(
        `insert into td_teams (team_id, name, municipality, time_zone, defined_at) values ($1, $2, $3, $4, $5)
         on conflict (team_id) do update set name = excluded.name, municipality = excluded.municipality,
           time_zone = excluded.time_zone, defined_at = excluded.defined_at
         where td_teams.defined_at <= excluded.defined_at`,
        [teamEvent.teamId, name, municipality, timeZone, teamEvent.occurredAt],
      );
      return;
    }
    case 'TeamMemberAdded': {
      const { sub, displayName, agency, role, from } = teamEvent.data;
      // The programme never adds someone whose period is still open; were it to, its latest period is the one in
      // force (as in the programme's own team): the open one ends where the new one starts.
      await tx.query(
        `update td_members set until_date = greatest(from_date, $3::date), ended_at = $4
          where team_id = $1 and sub = $2 and until_date is null`,
        [teamEvent.teamId, sub, from, teamEvent.occurredAt],
      );
      await tx.query(
        `insert into td_members (period_id, team_id, sub, display_name, agency, role, from_date, added_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (period_id) do nothing`,
        [teamEvent.id, teamEvent.teamId, sub, displayName, agency, role, from, teamEvent.occurredAt],
      );
      return;
    }
    case 'TeamMembershipEnded': {
      const { sub, on } = teamEvent.data;
      await tx.query(
        `update td_members set until_date = greatest(from_date, $3::date), ended_at = $4
          where team_id = $1 and sub = $2 and until_date is null`,
        [teamEvent.teamId, sub, on, teamEvent.occurredAt],
      );
      return;
    }
    default:
      return assertNever(teamEvent);
  }
}
