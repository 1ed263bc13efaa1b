import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CommandPipeline } from '@ips/command-pipeline';
import { AgencyController } from '@ips/http';
import { CLOCK, Clock } from '@ips/kernel';
import { onDutyAt, shiftsAhead } from '@ips/municipality/domain';
import { DEFAULT_ROTA_ID, crisisRotaSlice } from '../crisis-rota.slice';
import { toInstant } from '../time-fields';
import { OnDutyDto, OnDutyQueryDto } from './on-duty.dto';

@AgencyController('municipality', 'crisis-duty')
export class OnDutyController {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('on-duty')
  @ApiOperation({ summary: 'Who to call on the crisis service at an instant (now when left out), and the rota ahead: shifts not cancelled.' })
  @ApiOkResponse({ type: OnDutyDto })
  async onDuty(@Query() query: OnDutyQueryDto): Promise<OnDutyDto> {
    const at = query.at === undefined ? this.clock.now().toISOString() : toInstant(query.at);
    const rota = await this.pipeline.load(crisisRotaSlice, DEFAULT_ROTA_ID);
    return { at, onDuty: onDutyAt(rota, at), shifts: shiftsAhead(rota, at) };
  }
}
