import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ApiProblem, CorrelationId, ProblemException, ReportReply, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { resolvePeriod } from '@ips/fidelity';
import { lastDayOf } from '../fidelity/fidelity.controller';
import { parseQuarter } from '../outcomes/outcomes';
import { TeamScopes } from '../team-scope';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { recordAggregateRead } from './aggregate-reads';
import { ProgrammeFidelityQueryDto, ProgrammeOutcomesQueryDto, fidelityColumnsByTeam, outcomeTalliesByTeam, selectTeams } from './programme-figures.query';
import { ProgrammeFidelity, programmeFidelityOf } from './programme-fidelity';
import { ProgrammeOutcomes, SUPPRESSION_NOTE, TeamLabel, programmeOutcomesOf } from './programme-outcomes';
import { programmeFidelityCsv, programmeOutcomesCsv, programmeReportHtml } from './programme-report';

/** Content negotiation: `Accept: text/html` (and not CSV) asks for the printable report. */
const wantsHtml = (reply: ReportReply): boolean => !wantsCsv(reply) && reply.request.headers.accept?.includes('text/html') === true;

const formatOf = (reply: ReportReply): 'csv' | 'html' | 'json' => (wantsCsv(reply) ? 'csv' : wantsHtml(reply) ? 'html' : 'json');

const TEAM_A = { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90', name: 'IPS Alna', municipality: 'Oslo' };
const TEAM_B = { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f91', name: 'IPS Bærum', municipality: 'Bærum' };

const OUTCOMES_EXAMPLE = {
  quarter: '2026-Q1',
  benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
  suppression: SUPPRESSION_NOTE,
  teams: [
    {
      ...TEAM_A,
      participantsServed: 'suppressed',
      participantsEmployed: 'suppressed',
      employmentRate: 'suppressed',
      band: 'suppressed',
      jobStarts: { first: 6, later: 0 },
      medianDaysToFirstJob: 41,
      medianLongestJobTenureDays: 63,
      steadyWorkers: 'suppressed',
      steadyWorkerRate: 'suppressed',
      averageHoursPerWeek: 21.5,
      averageHourlyWage: 231,
      medianLengthOfStayDays: null,
    },
    {
      ...TEAM_B,
      participantsServed: '<5',
      participantsEmployed: '<5',
      employmentRate: '<5',
      band: '<5',
      jobStarts: { first: 0, later: 0 },
      medianDaysToFirstJob: null,
      medianLongestJobTenureDays: '<5',
      steadyWorkers: '<5',
      steadyWorkerRate: '<5',
      averageHoursPerWeek: '<5',
      averageHourlyWage: '<5',
      medianLengthOfStayDays: null,
    },
  ],
  total: {
    teams: 2,
    participantsServed: 13,
    participantsEmployed: 8,
    employmentRate: 0.615,
    band: 'excellent',
    jobStarts: { first: 6, later: 0 },
    medianDaysToFirstJob: 41,
    medianLongestJobTenureDays: 70,
    steadyWorkers: 7,
    steadyWorkerRate: 0.538,
    averageHoursPerWeek: 22,
    averageHourlyWage: 229,
    medianLengthOfStayDays: null,
  },
};

const FIDELITY_EXAMPLE = {
  period: { from: '2026-01-01', to: '2026-03-31' },
  suppression: SUPPRESSION_NOTE,
  teams: [
    {
      ...TEAM_A,
      items: [
        {
          item: 'S1',
          name: 'caseload',
          score: 5,
          anchor: { text: '≤20', confirmed: true },
          figures: { activeParticipants: 'suppressed', specialists: 1, participantsPerSpecialist: 'suppressed' },
        },
      ],
      scoredItems: 8,
      computedTotal: 31,
    },
    {
      ...TEAM_B,
      items: [
        {
          item: 'S1',
          name: 'caseload',
          score: 5,
          anchor: { text: '≤20', confirmed: true },
          figures: { activeParticipants: '<5', specialists: 1, participantsPerSpecialist: '<5' },
        },
      ],
      scoredItems: 4,
      computedTotal: 17,
    },
  ],
  total: {
    teams: 2,
    items: [
      {
        item: 'S1',
        name: 'caseload',
        score: 5,
        anchor: { text: '≤20', confirmed: true },
        figures: { activeParticipants: 13, specialists: 2, participantsPerSpecialist: 6.5 },
      },
    ],
    scoredItems: 8,
    computedTotal: 32,
  },
};

const TEAM_NOT_FOUND = () => ApiProblem(404, 'TEAM.NOT_FOUND', 'no such team');

/**
 * Figures across teams for a county coordinator or the directorate (decision: the coordinator's figures): per team
 * and in total, side by side, with small cells suppressed; never a participant. Each read is audited as an aggregate
 * read (tv_aggregate_reads), not in any participant's access log.
 */
@ApiTags('programme')
@ApiBearerAuth()
@Controller('programme/outcomes')
export class ProgrammeOutcomesController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scopes: TeamScopes,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The quarter’s outcomes per team and in total, side by side, for a programme coordinator: participants served and employed, the employment rate against the IPS benchmarks, job starts, days to first job, longest job, steady workers, hours, wage, length of stay. Counts of 1–4 participants (and figures computed over 1–4) are "<5"; a second cell is "suppressed" where a total would give a hidden one back. No participant: no ids, names, dates of birth or drivers. `teams` narrows to some teams (an unknown one: 404 TEAM.NOT_FOUND). Accept: text/csv gives one row per team and the total; Accept: text/html the printable report (outcomes and the computed fidelity items of the quarter). Audited as an aggregate read.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ schema: { example: OUTCOMES_EXAMPLE } })
  @ApiProblem(400, 'REQUEST.INVALID', 'quarter must look like 2026-Q1', [{ field: 'quarter', message: 'must be YYYY-Qn' }])
  @TEAM_NOT_FOUND()
  async outcomes(
    @Query() query: ProgrammeOutcomesQueryDto,
    @CurrentPrincipal() reader: Principal,
    @Res({ passthrough: true }) response: ReportReply,
    @CorrelationId() correlationId?: string,
  ): Promise<ProgrammeOutcomes | string> {
    const quarter = parseQuarter(query.quarter);
    if (!quarter) throw ProblemException.of(400, 'REQUEST.INVALID', 'quarter must look like 2026-Q1', [{ field: 'quarter', message: 'must be YYYY-Qn' }]);
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const directory = this.scopes.teamDirectory;
    // Every team is computed, whatever is asked for: small cells are suppressed on the table of all of them.
    const { all, selected } = await selectTeams(directory, query.teams);
    const at = lastDayOf(quarter.to, now);
    const tallies = await outcomeTalliesByTeam(this.db, directory, all, quarter, today, at);
    const outcomes = programmeOutcomesOf(tallies.perTeam, quarter, { selected, ...(tallies.everyone ? { everyone: tallies.everyone } : {}) });
    const format = formatOf(response);
    await recordAggregateRead(this.db, reader, 'programme-outcomes', `${quarter.label} ${format}`, [...selected], correlationId);
    if (format === 'csv') {
      response.type('text/csv');
      return programmeOutcomesCsv(outcomes);
    }
    if (format === 'html') {
      // The quarter's computed fidelity items, so far: nothing for a quarter that has not begun.
      const period = { from: quarter.from, to: quarter.to < today ? quarter.to : today };
      const fidelity = quarter.from > today ? null : await this.fidelityOf(all, selected, period, at);
      response.type('text/html');
      return programmeReportHtml({ outcomes, fidelity, generatedAt: now.toISOString() });
    }
    return outcomes;
  }

  /** The quarter's computed fidelity items, for the printable report, from the stored fidelity facts a team at a time. */
  private async fidelityOf(all: TeamLabel[], selected: Set<string>, period: { from: string; to: string }, at: Date): Promise<ProgrammeFidelity> {
    const columns = await fidelityColumnsByTeam(this.db, this.scopes.teamDirectory, all, selected, period, at);
    return programmeFidelityOf(columns, period, selected);
  }
}

@ApiTags('programme')
@ApiBearerAuth()
@Controller('programme/fidelity')
export class ProgrammeFidelityController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scopes: TeamScopes,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The IPS-25 items computed from events over a period, per team and in total, for a programme coordinator: per item the score 1–5 and its figures, counts of 1–4 participants (and figures computed over 1–4) "<5", a second cell "suppressed" where a total would give a hidden one back. No drivers, no per-specialist breakdown, no participant. `from` and `to` as for GET /team-view/fidelity (the 90 days up to today when left out); `teams` narrows to some teams (an unknown one: 404 TEAM.NOT_FOUND). Accept: text/csv gives one row per team and item. Audited as an aggregate read.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: { example: FIDELITY_EXAMPLE } })
  @ApiProblem(400, 'REQUEST.INVALID', 'the period is not one that can be reviewed', [{ field: 'from', message: 'must not be after to (2026-03-31)' }])
  @TEAM_NOT_FOUND()
  async fidelity(
    @Query() query: ProgrammeFidelityQueryDto,
    @CurrentPrincipal() reader: Principal,
    @Res({ passthrough: true }) response: ReportReply,
    @CorrelationId() correlationId?: string,
  ): Promise<ProgrammeFidelity | string> {
    const now = this.clock.now();
    const period = resolvePeriod(query.from, query.to, now.toISOString().slice(0, 10));
    if (Array.isArray(period)) throw ProblemException.of(400, 'REQUEST.INVALID', 'the period is not one that can be reviewed', period);
    const directory = this.scopes.teamDirectory;
    const { all, selected } = await selectTeams(directory, query.teams);
    const columns = await fidelityColumnsByTeam(this.db, directory, all, selected, period, lastDayOf(period.to, now));
    const fidelity = programmeFidelityOf(columns, period, selected);
    const csv = wantsCsv(response);
    await recordAggregateRead(this.db, reader, 'programme-fidelity', `${period.from}..${period.to} ${csv ? 'csv' : 'json'}`, [...selected], correlationId);
    if (csv) {
      response.type('text/csv');
      return programmeFidelityCsv(fidelity);
    }
    return fidelity;
  }
}
