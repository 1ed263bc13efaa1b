import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CLOCK, Clock } from '@ips/access';
import { SharedEvent } from '@ips/contracts';
import { ProblemException, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
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
  @Allow({ agency: ['welfare-office'] }, { role: ['supervisor'] })
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
    const rows = await this.db.query<{ participant_id: string; event: SharedEvent }>(
      `select t.participant_id, t.event from tv_timeline t
        where $1::text is null or t.participant_id in (select participant_id from tv_caseload where employment_specialist_id = $1)
        order by t.participant_id, t.occurred_at, t.received`,
      [team ?? null],
    );
    const byParticipant = new Map<string, SharedEvent[]>();
    for (const row of rows) byParticipant.set(row.participant_id, [...(byParticipant.get(row.participant_id) ?? []), row.event]);
    const outcomes = outcomesFor([...byParticipant.values()], quarter);
    if (wantsCsv(response)) {
      response.type('text/csv');
      return outcomesCsv(outcomes);
    }
    return outcomes;
  }
}
