import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideEnrolParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { EnrolParticipantDto } from './enrol-participant.dto';

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office/participants')
export class EnrolParticipantController {
  constructor(private readonly commands: ParticipantCommands) {}

  @Post(':id/enrolment')
  @HttpCode(201)
  @ApiOperation({ summary: "Put a referred participant on an employment specialist's caseload, with a fixed contact person." })
  @ApiCreatedResponse({ description: 'enrolled' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND: no referral with this id' })
  @ApiConflictResponse({ description: 'PARTICIPANT.ALREADY_ENROLLED' })
  async enrol(
    @PathId('id') participantId: string,
    @Body() body: EnrolParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('EnrolParticipant', { participantId, ...body }, decideEnrolParticipant, principal, correlationId);
  }
}
