import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalDateField, ProblemException } from '@ips/http';
import { SharedEvent } from '@ips/contracts';
import { SqlDriver, SqlExecutor } from '@ips/postgres';
import { TeamDirectory, teamDay } from '@ips/team-directory';
import { loadTeamEvents } from '../team-events';
import { teamNotFound } from '../team-scope';
import { OutcomeTally, Quarter } from '../outcomes/outcomes';
import { outcomeTallies, tallyOutcomes } from '../outcome-facts/outcome-facts.query';
import { TeamLabel, TeamTally } from './programme-outcomes';
import { TeamParticipantEvents } from './programme-fidelity';

/** At most this many team ids in `teams` (a country's teams fit: Norway funded 17 sites, Sweden ran 32). */
export const MAX_TEAMS = 200;

const TeamsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90,0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f91',
      maxLength: MAX_TEAMS * 37,
      description: 'team ids, comma-separated (an unknown one: 404 TEAM.NOT_FOUND); every team when left out',
    }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(MAX_TEAMS * 37),
  );

export class ProgrammeOutcomesQueryDto {
  @ApiProperty({ example: '2026-Q1', description: 'the quarter, `YYYY-Qn`', pattern: '^\\d{4}-Q[1-4]$' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  quarter!: string;

  @TeamsField()
  teams?: string;
}

export class ProgrammeFidelityQueryDto {
  @OptionalDateField('2026-01-01', 'happened', 'first day of the period; 89 days before `to` when left out (90 days in all)')
  from?: string;

  @OptionalDateField('2026-03-31', 'happened', 'last day of the period, not after today; today when left out')
  to?: string;

  @TeamsField()
  teams?: string;
}

/**
 * Every team, by name, as the figures name them (no member), and the ids of those asked for (every team when `teams`
 * is left out; an unknown id: 404 TEAM.NOT_FOUND).
 */
export async function selectTeams(directory: TeamDirectory, teams: string | undefined): Promise<{ all: TeamLabel[]; selected: Set<string> }> {
  const all = (await directory.allTeams()).map(({ teamId, name, municipality }) => ({ teamId, name, municipality }));
  if (teams === undefined) return { all, selected: new Set(all.map((team) => team.teamId)) };
  const ids = teams.split(',').map((id) => id.trim().toLowerCase());
  if (ids.some((id) => id === '') || ids.length > MAX_TEAMS) {
    throw ProblemException.of(400, 'REQUEST.INVALID', 'teams must be team ids separated by commas', [
      { field: 'teams', message: `must be 1 to ${MAX_TEAMS} team ids separated by commas` },
    ]);
  }
  const wanted = new Set(ids);
  const selected = new Set(all.filter((team) => wanted.has(team.teamId.toLowerCase())).map((team) => team.teamId));
  if (selected.size < wanted.size) throw teamNotFound();
  return { all, selected };
}

/**
 * The most participants whose events the programme's fidelity folds in memory (about 100 events and 65 kB of heap
 * each): until fidelity facts are stored (issue 22), a programme larger than this is refused rather than allowed to
 * take the process's memory (and, embedded, the whole platform) down.
 */
export const LIVE_FIDELITY_MAX_PARTICIPANTS = 10_000;

/** 422 FIDELITY.SCOPE_TOO_LARGE when more participants than `limit` would be folded live. */
export function guardLiveFold(participants: number, limit: number = LIVE_FIDELITY_MAX_PARTICIPANTS): void {
  if (participants <= limit) return;
  throw ProblemException.of(
    422,
    'FIDELITY.SCOPE_TOO_LARGE',
    `the programme's fidelity is computed live from the events of every participant of every team, and ${participants} participants are more than the ${limit} it folds at once (stored fidelity facts are not built yet): each team's supervisor has GET /team-view/fidelity`,
  );
}

/**
 * Each team's participants on `at` (the period's last day) with their shared events; while no team is defined, no
 * team and `everyone`: every participant, the deployment being one team. Refused (guardLiveFold) when more than
 * `limit` participants would be folded.
 */
export async function eventsByTeam(
  db: SqlExecutor,
  directory: TeamDirectory,
  teams: readonly TeamLabel[],
  at: Date,
  limit: number = LIVE_FIDELITY_MAX_PARTICIPANTS,
): Promise<{ perTeam: TeamParticipantEvents[]; everyone?: Map<string, SharedEvent[]> }> {
  if (!(await directory.anyTeamDefined())) {
    const [count] = await db.query<{ n: number }>('select count(distinct participant_id)::int as n from tv_timeline');
    guardLiveFold(count?.n ?? 0, limit);
    return { perTeam: [], everyone: await loadTeamEvents(db, null) };
  }
  const idsByTeam = await Promise.all(teams.map((team) => directory.participantsOf([team.teamId], at)));
  guardLiveFold(new Set(idsByTeam.flat()).size, limit);
  const events = await loadTeamEvents(db, idsByTeam.flat());
  return {
    perTeam: teams.map((team, index) => ({
      team,
      participants: new Map((idsByTeam[index] ?? []).flatMap((id): [string, SharedEvent[]][] => (events.has(id) ? [[id, events.get(id) as SharedEvent[]]] : []))),
    })),
  };
}

/**
 * Each team's tally of the quarter's outcomes, of its participants on `at` (the quarter's last day, read as each team's
 * day), from the stored facts in one statement; while no team is defined, no team and `everyone`: every participant,
 * the deployment being one team.
 */
export async function outcomeTalliesByTeam(
  db: SqlDriver,
  directory: TeamDirectory,
  teams: readonly TeamLabel[],
  quarter: Quarter,
  today: string,
  at: Date,
): Promise<{ perTeam: TeamTally[]; everyone?: OutcomeTally }> {
  if (!(await directory.anyTeamDefined())) return { perTeam: [], everyone: await tallyOutcomes(db, quarter, today, null) };
  const days = (await directory.allTeams()).map((team) => ({ teamId: team.teamId, day: teamDay(team.timeZone, at) }));
  const tallies = await outcomeTallies(db, quarter, today, { kind: 'teams-on', teams: days, utcDay: teamDay('UTC', at) });
  return { perTeam: teams.map((team) => ({ team, tally: tallies.get(team.teamId.toLowerCase()) ?? new OutcomeTally() })) };
}
