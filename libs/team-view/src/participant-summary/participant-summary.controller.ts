import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, PathId } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { SqlDriver } from '@ips/postgres';
import { recordRead } from '../audit/audit-log';
import { ParticipantRecords } from '../participant-record';
import { servedByViews, storedSummary } from '../participant-views/participant-views.query';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { notVisible } from '../not-visible';
import { ParticipantSummary, emptySummary, evolveSummary } from './participant-summary.evolve';

const DAY_MS = 86_400_000;

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class ParticipantSummaryController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    private readonly records: ParticipantRecords,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: "The participant at a glance, from what the reader's agency and role may see." })
  @ApiOkResponse({
    schema: {
      example: {
        participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
        phase: 'enrolled',
        name: { givenName: 'Kari', familyName: 'Nordmann' },
        contactDetails: { phone: '+47 912 34 567' },
        erasedAt: null,
        teamId: '0190a6f0-0000-7000-8000-00000000b001',
        contacts: { 'welfare-office': { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' } },
        relapseRisk: null,
        placement: null,
        daysSinceEnrolment: 3,
      },
    },
  })
  async summary(
    @PathId('id') participantId: string,
    @CurrentPrincipal() reader: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ParticipantSummary & { daysSinceEnrolment: number | null }> {
    const summary = servedByViews(reader)
      ? await this.fromView(reader, participantId, correlationId)
      : await this.fromEvents(reader, participantId, correlationId);
    const daysSinceEnrolment = summary.enrolledAt ? Math.floor((this.clock.now().getTime() - Date.parse(summary.enrolledAt)) / DAY_MS) : null;
    return { ...summary, daysSinceEnrolment };
  }

  /** Staff: the stored view the consent in force gives them (decision 33), one row. */
  private async fromView(reader: Principal, participantId: string, correlationId?: string): Promise<ParticipantSummary> {
    const summary = await storedSummary(this.db, this.personalData, reader, participantId);
    await recordRead(this.db, reader, participantId, 'read-summary', summary ? 'allowed' : 'not-found', this.clock.now(), correlationId);
    if (!summary) throw notVisible('not-found');
    return summary;
  }

  /** The participant themselves and employers: a fold of what they may see. */
  private async fromEvents(reader: Principal, participantId: string, correlationId?: string): Promise<ParticipantSummary> {
    const record = await this.records.read(reader, participantId, 'read-summary', correlationId);
    if (!record.found) throw notVisible(record.reason);
    return record.events.reduce(evolveSummary, emptySummary(participantId));
  }
}
