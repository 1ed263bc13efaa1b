import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CLOCK, Clock } from '@ips/kernel';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { CrisisRotaEvent, crisisRotaAggregate, onDutyAt, shiftsAhead } from '@ips/municipality/domain';
import { fold, streamId } from '@ips/kernel';
import { CrisisDutyController } from '../crisis-duty-route';
import { DEFAULT_ROTA_ID } from '../crisis-rota.slice';
import { toInstant } from '../time-fields';
import { OnDutyDto, OnDutyQueryDto } from './on-duty.dto';

@CrisisDutyController()
export class OnDutyController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('on-duty')
  @ApiOperation({ summary: 'Who to call on the crisis service at an instant (now when left out), and the rota ahead: shifts not cancelled.' })
  @ApiOkResponse({ type: OnDutyDto })
  async onDuty(@Query() query: OnDutyQueryDto): Promise<OnDutyDto> {
    const at = query.at === undefined ? this.clock.now().toISOString() : toInstant(query.at);
    const { events } = await this.store.readStream(streamId(crisisRotaAggregate.category, DEFAULT_ROTA_ID));
    const rota = fold(
      crisisRotaAggregate,
      events.map((event) => ({ type: event.type, data: event.data }) as unknown as CrisisRotaEvent),
    );
    return { at, onDuty: onDutyAt(rota, at), shifts: shiftsAhead(rota, at) };
  }
}
