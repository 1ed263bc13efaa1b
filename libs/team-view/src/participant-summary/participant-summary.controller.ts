import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock, CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { ParticipantRecords } from '../participant-record';
import { notVisible } from '../not-visible';
import { ParticipantSummary, emptySummary, evolveSummary } from './participant-summary.evolve';

const DAY_MS = 86_400_000;

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class ParticipantSummaryController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
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
    const record = await this.records.read(reader, participantId, 'read-summary', correlationId);
    if (!record.found) throw notVisible(record.reason);
    const summary = record.events.reduce(evolveSummary, emptySummary(participantId));
    const daysSinceEnrolment = summary.enrolledAt
      ? Math.floor((this.clock.now().getTime() - Date.parse(summary.enrolledAt)) / DAY_MS)
      : null;
    return { ...summary, daysSinceEnrolment };
  }
}
