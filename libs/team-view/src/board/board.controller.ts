import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, CLOCK, Clock, CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { readParticipantRecord } from '../participant-record';
import { emptySummary, evolveSummary } from '../participant-summary/participant-summary.evolve';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { Alert, alertsFor } from './alerts';

interface BoardParticipant {
  readonly participantId: string;
  readonly name: { readonly givenName: string; readonly familyName: string } | null;
  readonly phase: string;
  readonly enrolledAt: string | null;
  readonly alerts: readonly Alert[];
}

interface SpecialistBoard {
  readonly employmentSpecialistId: string;
  readonly caseload: number;
  readonly alerts: number;
  readonly participants: readonly BoardParticipant[];
}

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/board')
export class BoardController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow({ agency: ['welfare-office'] })
  @ApiOperation({
    summary:
      "Per employment specialist: active caseload and alerts (no employer contact 30 days after enrolment, no contact for 14 days, relapse flag past review, job start without benefits counselling). A specialist sees their own caseload; supervisors and caseworkers see all, or one with ?specialist=.",
  })
  @ApiQuery({ name: 'specialist', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
  @ApiOkResponse({
    schema: {
      example: {
        date: '2026-03-02',
        specialists: [
          {
            employmentSpecialistId: 'es-ingrid',
            caseload: 1,
            alerts: 1,
            participants: [
              {
                participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
                name: { givenName: 'Kari', familyName: 'Nordmann' },
                phase: 'enrolled',
                alerts: [{ code: 'NO_EMPLOYER_CONTACT_30_DAYS', since: '2026-02-01', message: '…' }],
              },
            ],
          },
        ],
      },
    },
  })
  async board(
    @CurrentPrincipal() reader: Principal,
    @Query('specialist') specialist?: string,
    @CorrelationId() correlationId?: string,
  ): Promise<{ date: string; specialists: SpecialistBoard[] }> {
    const only = reader.role === 'employment-specialist' ? reader.sub : specialist;
    const rows = await this.db.query<{ participant_id: string; employment_specialist_id: string }>(
      `select participant_id, employment_specialist_id from tv_caseload
        where discharged_at is null and ($1::text is null or employment_specialist_id = $1)
        order by employment_specialist_id, enrolled_at`,
      [only ?? null],
    );
    const today = this.clock.now().toISOString().slice(0, 10);
    const boards = new Map<string, BoardParticipant[]>();
    for (const row of rows) {
      const record = await readParticipantRecord(this.db, reader, row.participant_id, 'read-board', correlationId);
      if (!record.found) continue;
      const summary = record.events.reduce(evolveSummary, emptySummary(row.participant_id));
      const entry: BoardParticipant = {
        participantId: row.participant_id,
        name: summary.name,
        phase: summary.phase,
        enrolledAt: summary.enrolledAt,
        alerts: alertsFor(record.events, today),
      };
      boards.set(row.employment_specialist_id, [...(boards.get(row.employment_specialist_id) ?? []), entry]);
    }
    return {
      date: today,
      specialists: [...boards].map(([employmentSpecialistId, participants]) => ({
        employmentSpecialistId,
        caseload: participants.length,
        alerts: participants.reduce((sum, participant) => sum + participant.alerts.length, 0),
        participants,
      })),
    };
  }
}
