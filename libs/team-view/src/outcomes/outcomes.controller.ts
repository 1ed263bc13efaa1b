import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { CommandPipeline } from '@ips/command-pipeline';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ProblemException, ReportReply, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { fidelityFor } from '@ips/fidelity';
import { loadFidelityFacts } from '../fidelity-facts/fidelity-facts.query';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { lastDayOf } from '../fidelity/fidelity.controller';
import { TeamScopes } from '../team-scope';
import { loadFidelityReviews } from '../fidelity/review/fidelity-reviews.store';
import { tallyOutcomes } from '../outcome-facts/outcome-facts.query';
import { Outcomes, Quarter, outcomesCsv, outcomesOf, parseQuarter, quarterOf } from './outcomes';
import { quarterlyReportHtml } from './quarterly-report';
import { REPORT_LANGUAGES, reportLanguageOf } from './report-language';

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/outcomes')
export class OutcomesController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    private readonly scopes: TeamScopes,
  ) {}

  /** The participants counted: those of `team` (a team id the reader is on) or of all the reader's teams on the quarter's last day; null while no team is defined (every one). */
  private async participantsOf(reader: Principal, quarter: Quarter, team: string | null): Promise<string[] | null> {
    const now = this.clock.now();
    const teams = await this.scopes.teams(reader, now, team);
    return this.scopes.participants(reader, lastDayOf(quarter.to, now), teams, false);
  }

  /** The quarter's outcomes from the stored facts (only the participants served in it are read). */
  private async outcomesOf(participants: string[] | null, quarter: Quarter, specialist: string | null, today: string): Promise<Outcomes> {
    return outcomesOf(await tallyOutcomes(this.db, quarter, today, participants, specialist), quarter);
  }

  @Get()
  @ApiOperation({
    summary:
      'Quarterly outcome figures (employment rate against the IPS benchmarks 31/41/50 %, job starts, days to first job, longest job, steady workers, hours, wage, length of stay). Aggregates only, no participant is named. Counts the participants of `team` (a team id the reader is on, else 404 TEAM.NOT_FOUND) on the quarter’s last day, of all the reader’s teams when left out (every participant while no team is defined); `specialist` narrows to one employment specialist’s caseload.',
  })
  @ApiQuery({ name: 'quarter', required: false, example: '2026-Q1' })
  @ApiQuery({
    name: 'team',
    required: false,
    description: "a team id the reader is a member of; all the reader's teams when left out",
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
  })
  @ApiQuery({ name: 'specialist', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
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
    @CurrentPrincipal() reader: Principal,
    @Query('quarter') quarterLabel?: string,
    @Query('team') team?: string,
    @Query('specialist') specialist?: string,
  ): Promise<unknown> {
    const quarter = this.quarter(quarterLabel);
    const participants = await this.participantsOf(reader, quarter, textParam('team', team));
    const outcomes = await this.outcomesOf(participants, quarter, textParam('specialist', specialist), this.clock.now().toISOString().slice(0, 10));
    if (wantsCsv(response)) {
      response.type('text/csv');
      return outcomesCsv(outcomes);
    }
    return outcomes;
  }

  @Get('report')
  @ApiOperation({
    summary:
      'The printable quarterly report (HTML, laid out for A4: print it or save it as PDF): the outcomes against the benchmarks, the fidelity items computed from events for the quarter, and the latest completed fidelity review. Aggregates only, no participant is named. In norsk bokmål, svenska or English (words, numbers and dates, `<html lang>`): `lang` when given (another value: 400 REQUEST.INVALID_QUERY), else the first of Accept-Language that a report is written in (no, nn count as nb), else en (as before the report had languages). The web app links to it with `?lang=` of its own language.',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    schema: { type: 'string', enum: [...REPORT_LANGUAGES], example: 'nb' },
    description: 'the report’s language; Accept-Language, then en, when left out',
  })
  @ApiQuery({ name: 'quarter', required: false, example: '2026-Q1' })
  @ApiQuery({
    name: 'team',
    required: false,
    description: "a team id the reader is a member of; all the reader's teams when left out",
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
  })
  @ApiQuery({ name: 'specialist', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
  @ApiProduces('text/html')
  @ApiOkResponse({
    content: {
      'text/html': {
        example:
          '<!doctype html><html lang="nb"><head><title>IPS-kvartalsrapport 2026-Q1</title></head><body><h1>IPS-kvartalsrapport: 2026-Q1</h1>…</body></html>',
      },
    },
  })
  async report(
    @Res({ passthrough: true }) response: ReportReply,
    @CurrentPrincipal() reader: Principal,
    @Query('quarter') quarterLabel?: string,
    @Query('team') teamParam?: string,
    @Query('specialist') specialistParam?: string,
    @Query('lang') langParam?: string,
  ): Promise<string> {
    // The request's Accept-Language, read as the reply's other headers are (ReportReply types only Accept).
    const { 'accept-language': acceptLanguage } = response.request.headers as { readonly 'accept-language'?: string };
    const lang = reportLanguageOf(langParam, acceptLanguage);
    const quarter = this.quarter(quarterLabel);
    const now = this.clock.now().toISOString();
    const team = textParam('team', teamParam);
    const specialist = textParam('specialist', specialistParam);
    const participants = await this.participantsOf(reader, quarter, team);
    const period = { from: quarter.from, to: quarter.to < now.slice(0, 10) ? quarter.to : now.slice(0, 10) };
    const byParticipant = await loadFidelityFacts(this.db, participants, period, specialist);
    const teamName = team === null ? null : ((await this.scopes.teamDirectory.team(team))?.name ?? team);
    const review =
      [...(await loadFidelityReviews(this.pipeline)).values()]
        .filter((candidate) => candidate.completed && candidate.to <= quarter.to && (candidate.team ?? null) === (team ?? null))
        .sort((a, b) => a.to.localeCompare(b.to))
        .at(-1) ?? null;
    response.type('text/html');
    return quarterlyReportHtml({
      outcomes: await this.outcomesOf(participants, quarter, specialist, now.slice(0, 10)),
      fidelity: { ...fidelityFor(byParticipant, { period, team: specialist }), team },
      review,
      team: teamName,
      specialist,
      generatedAt: now,
      lang,
    });
  }

  private quarter(label?: string): Quarter {
    const quarter = label ? parseQuarter(label) : quarterOf(this.clock.now());
    if (!quarter) throw ProblemException.of(400, 'REQUEST.INVALID', 'quarter must look like 2026-Q1', [{ field: 'quarter', message: 'must be YYYY-Qn' }]);
    return quarter;
  }
}

/** An optional text query parameter: absent is null; present, 1 to 200 characters (else 400). */
function textParam(name: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw ProblemException.of(400, 'REQUEST.INVALID', `${name} must be 1 to 200 characters`, [{ field: name, message: 'must be 1 to 200 characters' }]);
  }
  return value;
}
