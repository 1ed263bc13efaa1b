import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { notVisible } from '../not-visible';
import { ParticipantRecords } from '../participant-record';
import { TimelineEntry, timelineEntryOf } from './timeline-entry';

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class TimelineController {
  constructor(private readonly records: ParticipantRecords) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything the team recorded about the participant, across agencies, oldest first.' })
  @ApiOkResponse({
    schema: {
      example: {
        participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
        entries: [
          {
            eventId: '0193a1b2-0000-7000-8000-000000000001',
            type: 'ParticipantReferred',
            agency: 'welfare-office',
            occurredAt: '2026-01-05T09:00:00.000Z',
            summary: 'Referred to IPS by DPS Lerkendal',
          },
          {
            eventId: '0193a1b2-0000-7000-8000-000000000002',
            type: 'ParticipantTransferred',
            agency: 'welfare-office',
            occurredAt: '2026-02-27T10:00:00.000Z',
            summary:
              'Transferred from team 0190a6f0-0000-7000-8000-00000000b001 to team 0190a6f0-0000-7000-8000-00000000b002 as of 2026-03-01: moved to Heimdal',
          },
        ],
      },
    },
  })
  async timeline(
    @PathId('id') participantId: string,
    @CurrentPrincipal() reader: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<{ participantId: string; entries: TimelineEntry[] }> {
    const record = await this.records.read(reader, participantId, 'read-timeline', correlationId);
    if (!record.found) throw notVisible(record.reason);
    return {
      participantId,
      entries: record.events.map(timelineEntryOf),
    };
  }
}
