import { Controller, Inject, MessageEvent, Optional, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, bufferTime, concatMap, filter, map } from 'rxjs';
import { CurrentPrincipal, Principal, WORK_NEED, WorkNeed } from '@ips/access';
import { CLOCK, Clock, systemClock } from '@ips/kernel';
import { TimelineFeed } from './timeline-feed';

const example = { participantIds: ['0193a1b2-0000-7000-8000-000000000001'] };

/** How long changes are gathered into one message: a burst of events (a job start and its reactions) is one reload. */
const GATHER_MS = 250;

/**
 * Which of the reader's participants just changed, so an open caseload, board or participant page reads again. Only
 * ids, never what changed: the page's own read (audited, filtered by consent) shows that. A participant is named to a
 * reader only while the reader has work need for them (decision 28) when the change arrives.
 */
@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view')
export class FollowChangesController {
  constructor(
    private readonly feed: TimelineFeed,
    @Optional() @Inject(WORK_NEED) private readonly workNeed?: WorkNeed,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  @Sse('changes')
  @ApiOperation({
    summary:
      "Server-sent events for the staff web app: the ids of the reader's participants (their teams' and those naming " +
      'them) that have new entries, gathered a quarter of a second at a time, so an open list reads again. Ids only: ' +
      'read the list or the participant for what changed. Send the bearer token (read it with fetch).',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ content: { 'text/event-stream': { example: `event: participants-changed\ndata: ${JSON.stringify(example)}\n\n` } } })
  follow(@CurrentPrincipal() reader: Principal): Observable<MessageEvent> {
    return this.feed.events().pipe(
      bufferTime(GATHER_MS),
      filter((events) => events.length > 0),
      concatMap(async (events) => {
        const changed = [...new Set(events.map((event) => event.participantId))];
        const related = await Promise.all(changed.map(async (id) => ((await this.workNeed?.relationTo(reader, id, this.clock.now())) ? id : null)));
        return related.filter((id): id is string => id !== null);
      }),
      filter((participantIds) => participantIds.length > 0),
      map((participantIds) => ({ type: 'participants-changed', data: { participantIds } })),
    );
  }
}
