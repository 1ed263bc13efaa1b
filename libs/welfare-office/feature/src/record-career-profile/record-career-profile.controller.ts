import { Body, HttpCode, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideCreateCareerProfile, decideUpdateCareerProfile } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { CareerProfileDto } from './record-career-profile.dto';

@ParticipantController()
export class CareerProfileController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute('career-profile', 'Create the career profile from the first meetings.', 'CAREER_PROFILE.ALREADY_CREATED, PARTICIPANT.NOT_ENROLLED')
  async create(
    @PathId('id') participantId: string,
    @Body() body: CareerProfileDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('CreateCareerProfile', { participantId, ...body }, decideCreateCareerProfile, principal, correlationId);
  }

  @Put(':id/career-profile')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the career profile (after every job, and whenever needed).' })
  @ApiOkResponse({ description: 'updated' })
  async update(
    @PathId('id') participantId: string,
    @Body() body: CareerProfileDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('UpdateCareerProfile', { participantId, ...body }, decideUpdateCareerProfile, principal, correlationId);
  }
}
