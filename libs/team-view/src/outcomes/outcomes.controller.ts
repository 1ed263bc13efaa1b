import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CLOCK, Clock } from '@ips/access';
import { ProblemException, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { loadTeamEvents } from '../team-events';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { outcomesCsv, outcomesFor, parseQuarter, quarterOf } from './outcomes';

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/outcomes')
export class OutcomesController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Quarterly outcome figures (employment rate against the IPS benchmarks 31/41/50 %, job starts, days to first job, hours, wage). Aggregates only, no participant is named. `team` narrows to one employment specialist’s caseload.',
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
      },
    },
  })
  async outcomes(
    @Res({ passthrough: true }) response: Response,
    @Query('quarter') quarterLabel?: string,
    @Query('team') team?: string,
  ): Promise<unknown> {
    const quarter = quarterLabel ? parseQuarter(quarterLabel) : quarterOf(this.clock.now());
    if (!quarter) {
      throw ProblemException.of(400, 'REQUEST.INVALID', 'quarter must look like 2026-Q1', [
        { field: 'quarter', message: 'must be YYYY-Qn' },
      ]);
    }
    const byParticipant = await loadTeamEvents(this.db, team ?? null);
    const outcomes = outcomesFor([...byParticipant.values()], quarter);
    if (wantsCsv(response)) {
      response.type('text/csv');
      return outcomesCsv(outcomes);
    }
    return outcomes;
  }
}
