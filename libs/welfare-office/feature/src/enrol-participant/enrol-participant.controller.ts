import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CLOCK, Clock, CurrentPrincipal, Principal, commandMetadata } from '@ips/access';
import { UuidParam, domainProblem } from '@ips/http';
import { WELFARE_OFFICE_STAFF } from '../welfare-office.roles';
import { EnrolParticipantCommand } from './enrol-participant.command-handler';
import { EnrolParticipantDto } from './enrol-participant.dto';

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office/participants')
export class EnrolParticipantController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/enrolment')
  @HttpCode(201)
  @Allow(WELFARE_OFFICE_STAFF)
  @ApiOperation({ summary: "Put a referred participant on an employment specialist's caseload, with a fixed contact person." })
  @ApiCreatedResponse({ description: 'enrolled' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND: no referral with this id' })
  @ApiConflictResponse({ description: 'PARTICIPANT.ALREADY_ENROLLED' })
  async enrol(
    @Param('id', UuidParam()) participantId: string,
    @Body() body: EnrolParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    const outcome = await this.commands.execute(
      new EnrolParticipantCommand({
        type: 'EnrolParticipant',
        data: { participantId, ...body },
        metadata: commandMetadata(principal, this.clock, correlationId),
      }),
    );
    if (!outcome.ok) throw domainProblem(outcome.error);
  }
}
