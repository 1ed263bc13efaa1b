import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock } from '@ips/access';
import { ProblemException, ReportReply, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { loadTeamEvents } from '../team-events';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { fidelityFor } from '../fidelity/fidelity';
import { loadFidelityReviews } from '../fidelity/review/fidelity-reviews.store';
import { Quarter, outcomesCsv, outcomesFor, parseQuarter, quarterOf } from './outcomes';
import { quarterlyReportHtml } from './quarterly-report';

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/outcomes')
export class OutcomesController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Quarterly outcome figures (employment rate against the IPS benchmarks 31/41/50 %, job starts, days to first job, longest job, steady workers, hours, wage, length of stay). Aggregates only, no participant is named. `team` narrows to one employment specialist’s caseload.',
  })
  @ApiQuery({ name: 'quarter', required: false, example: '2026-Q1' })
  @ApiQuery({ name: 'team', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    schema: {
      example: {
        quarter: '2026-Q1',
        participantsServed: 18,
        participantsEmployed: 8,
        employmentRate: 0.444,
        band: 'average',
        jobStarts: { first: 3, later: 1 },
        medianDaysToFirstJob: 74,
        averageHoursPerWeek: 19.5,
        averageHourlyWage: 228,
        benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
        medianLongestJobTenureDays: 212,
        steadyWorkers: 6,
        steadyWorkerRate: 0.333,
        medianLengthOfStayDays: 388,
      },
    },
  })
  async outcomes(
    @Res({ passthrough: true }) response: ReportReply,
    @Query('quarter') quarterLabel?: string,
    @Query('team') team?: string,
  ): Promise<unknown> {
    const quarter = this.quarter(quarterLabel);
    const byParticipant = await loadTeamEvents(this.db, team ?? null);
    const outcomes = outcomesFor([...byParticipant.values()], quarter, this.clock.now().toISOString().slice(0, 10));
    if (wantsCsv(response)) {
      response.type('text/csv');
      return outcomesCsv(outcomes);
    }
    return outcomes;
  }

  @Get('report')
  @ApiOperation({
    summary:
      'The printable quarterly report (HTML, laid out for A4: print it or save it as PDF): the outcomes against the benchmarks, the fidelity items computed from events for the quarter, and the latest completed fidelity review. Aggregates only, no participant is named.',
  })
  @ApiQuery({ name: 'quarter', required: false, example: '2026-Q1' })
  @ApiQuery({ name: 'team', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
  @ApiProduces('text/html')
  @ApiOkResponse({ content: { 'text/html': { example: '<!doctype html><html lang="en"><head><title>IPS quarterly report 2026-Q1</title></head><body><h1>IPS quarterly report: 2026-Q1</h1>…</body></html>' } } })
  async report(@Res({ passthrough: true }) response: ReportReply, @Query('quarter') quarterLabel?: string, @Query('team') team?: string): Promise<string> {
    const quarter = this.quarter(quarterLabel);
    const now = this.clock.now().toISOString();
    const byParticipant = await loadTeamEvents(this.db, team ?? null);
    const period = { from: quarter.from, to: quarter.to < now.slice(0, 10) ? quarter.to : now.slice(0, 10) };
    const review =
      [...(await loadFidelityReviews(this.store)).values()]
        .filter((candidate) => candidate.completed && candidate.to <= quarter.to && (candidate.team ?? null) === (team ?? null))
        .sort((a, b) => a.to.localeCompare(b.to))
        .at(-1) ?? null;
    response.type('text/html');
    return quarterlyReportHtml({
      outcomes: outcomesFor([...byParticipant.values()], quarter, now.slice(0, 10)),
      fidelity: fidelityFor(byParticipant, { period, team: team ?? null }),
      review,
      team: team ?? null,
      generatedAt: now,
    });
  }

  private quarter(label?: string): Quarter {
    const quarter = label ? parseQuarter(label) : quarterOf(this.clock.now());
    if (!quarter) throw ProblemException.of(400, 'REQUEST.INVALID', 'quarter must look like 2026-Q1', [{ field: 'quarter', message: 'must be YYYY-Qn' }]);
    return quarter;
  }
}
