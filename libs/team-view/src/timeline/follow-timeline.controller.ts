import { Controller, Inject, MessageEvent, Optional, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, concatMap, filter, from, map, mergeMap } from 'rxjs';
import { ACCESS_REFUSALS, AccessRefusals, CurrentPrincipal, Principal, WORK_NEED, WorkNeed, isTeamStaff } from '@ips/access';
import { CLOCK, Clock, systemClock } from '@ips/kernel';
import { CorrelationId, PathId } from '@ips/http';
import { TimelineFeed } from '../live/timeline-feed';
import { notVisible } from '../not-visible';
import { ParticipantRecords } from '../participant-record';
import { TimelineEntry, timelineEntryOf } from './timeline-entry';

const exampleEntry = {
  eventId: '0193a1b2-0000-7000-8000-000000000009',
  type: 'RelapseRiskFlagRaised',
  agency: 'mental-health',
  occurredAt: '2026-03-02T10:15:00.000Z',
  summary: 'Relapse risk flag raised: elevated, review by 2026-03-16',
};

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class FollowTimelineController {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly feed: TimelineFeed,
    /** Work need again for every entry: the guard checked it when the stream opened; a transfer may end it since. */
    @Optional() @Inject(WORK_NEED) private readonly workNeed?: WorkNeed,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
    @Optional() @Inject(ACCESS_REFUSALS) private readonly refusals?: AccessRefusals,
  ) {}

  /** A staff reader still has work need (decision 28); unbound, no one has (fail closed, as the guard). Others: yes. */
  private async stillRelated(reader: Principal, participantId: string): Promise<boolean> {
    if (!isTeamStaff(reader)) return true;
    const relation = this.workNeed ? await this.workNeed.relationTo(reader, participantId, this.clock.now()) : null;
    if (relation !== null) return true;
    await this.refusals?.recordRefused(reader, participantId, 'GET /team-view/participants/:id/stream').catch(() => undefined);
    return false;
  }

  /**
   * Each new entry is sent only if the reader may see it by the consent in force when it arrives (the same
   * rules as the timeline) and, for staff, while they still have work need (a transfer or the end of a membership
   * stops the entries; the stream stays open and silent), and each look at the record is audited like a read
   * (`follow-timeline`; a look refused for want of work need as denied).
   */
  @Sse(':id/stream')
  @ApiOperation({
    summary:
      'Server-sent events: new timeline entries of this participant as the team view records them, filtered like the ' +
      'timeline (role, agency, consent; relapse flags never to employers), each look audited. Send the bearer token ' +
      '(read it with fetch; EventSource cannot send headers). Entries recorded before the stream opened: GET the timeline.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    content: { 'text/event-stream': { example: `id: ${exampleEntry.eventId}\nevent: timeline-entry\ndata: ${JSON.stringify(exampleEntry)}\n\n` } },
  })
  async follow(
    @PathId('id') participantId: string,
    @CurrentPrincipal() reader: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<Observable<MessageEvent>> {
    const opened = await this.records.read(reader, participantId, 'follow-timeline', correlationId);
    if (!opened.found) throw notVisible(opened.reason);
    const sent = new Set(opened.events.map((event) => event.id));
    return this.feed.events().pipe(
      filter((event) => event.participantId === participantId),
      concatMap(async (): Promise<TimelineEntry[]> => {
        if (!(await this.stillRelated(reader, participantId))) return [];
        const record = await this.records.read(reader, participantId, 'follow-timeline', correlationId);
        if (!record.found) return [];
        const fresh = record.events.filter((event) => !sent.has(event.id));
        for (const event of fresh) sent.add(event.id);
        return fresh.map(timelineEntryOf);
      }),
      mergeMap((entries) => from(entries)),
      map((entry) => ({ id: entry.eventId, type: 'timeline-entry', data: entry })),
    );
  }
}
