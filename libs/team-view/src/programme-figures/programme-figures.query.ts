import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalDateField, ProblemException } from '@ips/http';
import { SharedEvent } from '@ips/contracts';
import { SqlDriver, SqlExecutor } from '@ips/postgres';
import { TeamDirectory, teamDay } from '@ips/team-directory';
import { Period, factsOf } from '@ips/fidelity';
import { loadFidelityFacts, loadFidelityFactsPage } from '../fidelity-facts/fidelity-facts.query';
import { teamNotFound } from '../team-scope';
import { OutcomeTally, Quarter } from '../outcomes/outcomes';
import { outcomeTallies, tallyOutcomes } from '../outcome-facts/outcome-facts.query';
import { TeamLabel, TeamTally } from './programme-outcomes';
import { FidelityColumns, fidelityColumnsTally } from './programme-fidelity';

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

/** Participants' facts read at once while no team is defined (the deployment is one team): a page. */
export const FIDELITY_PAGE = 2_000;

/**
 * The programme's fidelity columns (programme-fidelity.ts, `fidelityColumnsTally`) from the stored fidelity facts, a
 * team at a time: each team's participants on `at` (the period's last day), those served in the period read in one
 * statement, added to the tallies and let go. So memory is bounded by the largest team, not the programme, and no
 * ceiling is needed. While no team is defined: every participant, a page at a time, for the total alone.
 */
export async function fidelityColumnsByTeam(
  db: SqlExecutor,
  directory: TeamDirectory,
  all: readonly TeamLabel[],
  selected: ReadonlySet<string>,
  period: Period,
  at: Date,
  pageSize: number = FIDELITY_PAGE,
): Promise<FidelityColumns> {
  const tally = fidelityColumnsTally(period, all, selected);
  // One participant's facts at a time, so a team's folded facts are never all held at once.
  function* factsIn(participants: ReadonlyMap<string, readonly SharedEvent[]>) {
    for (const [id, events] of participants) yield factsOf(id, events);
  }
  if (!(await directory.anyTeamDefined())) {
    for (let after: string | null = null; ;) {
      const page = await loadFidelityFactsPage(db, period, after, pageSize);
      tally.addEveryone(factsIn(page));
      if (page.size < pageSize) break;
      after = [...page.keys()].at(-1) as string;
    }
    return tally.result();
  }
  for (const team of all) {
    const ids = await directory.participantsOf([team.teamId], at);
    tally.addTeam(team, factsIn(await loadFidelityFacts(db, ids, period)));
  }
  return tally.result();
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
