import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { ParticipantRecords } from '../participant-record';
import { emptySummary, evolveSummary } from '../participant-summary/participant-summary.evolve';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { Alert, alertsFor } from './alerts';
import { contactLineAlerts } from './contact-line-alerts';

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
  /** The employer line: requests not yet resolved, and those nobody acknowledged in time. */
  readonly openContactRequests: number;
  readonly overdueAcknowledgements: number;
  readonly participants: readonly BoardParticipant[];
}

const count = (participants: readonly BoardParticipant[], code: Alert['code']): number =>
  participants.reduce((sum, participant) => sum + participant.alerts.filter((alert) => alert.code === code).length, 0);

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/board')
export class BoardController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly records: ParticipantRecords,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Per employment specialist: active caseload and alerts (no employer contact 30 days after enrolment, no contact for 14 days, relapse flag past review, job start without benefits counselling, employer contact-line requests open or not acknowledged in time). A specialist sees their own caseload; supervisors and caseworkers see all, or one with ?specialist=. A discharged participant stays while an employer request about them is open.",
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
            alerts: 2,
            openContactRequests: 1,
            overdueAcknowledgements: 1,
            participants: [
              {
                participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
                name: { givenName: 'Kari', familyName: 'Nordmann' },
                phase: 'enrolled',
                alerts: [
                  { code: 'NO_EMPLOYER_CONTACT_30_DAYS', since: '2026-02-01', message: '…' },
                  { code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE', since: '2026-03-02T21:15:00.000Z', message: '…' },
                ],
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
      `select participant_id, employment_specialist_id from tv_caseload c
        where (discharged_at is null or exists (select 1 from tv_open_contact_requests o where o.participant_id = c.participant_id))
          and ($1::text is null or employment_specialist_id = $1)
        order by employment_specialist_id, enrolled_at`,
      [only ?? null],
    );
    const now = this.clock.now().toISOString();
    const today = now.slice(0, 10);
    const boards = new Map<string, BoardParticipant[]>();
    for (const row of rows) {
      const record = await this.records.read(reader, row.participant_id, 'read-board', correlationId);
      if (!record.found) continue;
      const summary = record.events.reduce(evolveSummary, emptySummary(row.participant_id));
      const entry: BoardParticipant = {
        participantId: row.participant_id,
        name: summary.name,
        phase: summary.phase,
        enrolledAt: summary.enrolledAt,
        alerts: [...alertsFor(record.events, today), ...contactLineAlerts(record.events, now)].sort((a, b) => a.since.localeCompare(b.since)),
      };
      boards.set(row.employment_specialist_id, [...(boards.get(row.employment_specialist_id) ?? []), entry]);
    }
    return {
      date: today,
      specialists: [...boards].map(([employmentSpecialistId, participants]) => ({
        employmentSpecialistId,
        caseload: participants.length,
        alerts: participants.reduce((sum, participant) => sum + participant.alerts.length, 0),
        openContactRequests: count(participants, 'CONTACT_REQUEST_OPEN') + count(participants, 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'),
        overdueAcknowledgements: count(participants, 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'),
        participants,
      })),
    };
  }
}
