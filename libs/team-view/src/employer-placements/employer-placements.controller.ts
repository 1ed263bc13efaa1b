import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { CorrelationId, ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { recordRead } from '../audit/audit-log';
import { TEAM_VIEW_DB } from '../team-view.tokens';

export interface EmployerPlacement {
  readonly placementId: string;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** The employer's own placements as it registered them: nothing about the participant (no id, name or health). */
export function placementsOf(employerId: string, events: readonly SharedEvent[]): EmployerPlacement[] {
  const placements = new Map<string, EmployerPlacement>();
  for (const event of events as readonly KnownSharedEvent[]) {
    if (event.type === 'PlacementStarted' && event.data.employerId === employerId) {
      const { placementId, jobTitle, startDate } = event.data;
      placements.set(placementId, { placementId, jobTitle, startDate, endDate: null });
    } else if (event.type === 'PlacementEnded' && placements.has(event.data.placementId)) {
      placements.set(event.data.placementId, { ...(placements.get(event.data.placementId) as EmployerPlacement), endDate: event.data.endDate });
    }
  }
  return [...placements.values()];
}

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/employer-placements')
export class EmployerPlacementsController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "An employer's own placements (job title, start, end), to pick one when calling the 24/7 line. Nothing about the " +
      'participant is shown; each placement looked up is audited on its participant.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        placements: [{ placementId: '0190a6f0-0000-7000-8000-00000000c101', jobTitle: 'Warehouse worker', startDate: '2026-02-02', endDate: null }],
      },
    },
  })
  async placements(@CurrentPrincipal() reader: Principal, @CorrelationId() correlationId?: string): Promise<{ placements: EmployerPlacement[] }> {
    if (!reader.employerId) throw ProblemException.of(403, 'AUTH.FORBIDDEN', "an employer's token names the employer");
    const rows = await this.db.query<{ participant_id: string; event: SharedEvent }>(
      `select participant_id, event from tv_timeline
        where type in ('PlacementStarted', 'PlacementEnded') and event->'data'->>'employerId' = $1
        order by occurred_at, received`,
      [reader.employerId],
    );
    for (const participantId of new Set(rows.map((row) => row.participant_id))) {
      await recordRead(this.db, reader, participantId, 'read-employer-placements', 'allowed', this.clock.now(), correlationId);
    }
    const placements = placementsOf(
      reader.employerId,
      rows.map((row) => row.event),
    );
    return { placements: placements.sort((a, b) => b.startDate.localeCompare(a.startDate)) };
  }
}
