import { Body, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { UpdateCareerProfileCommand } from '../update-career-profile/update-career-profile.command';
import { CreateCareerProfileCommand } from './record-career-profile.command';
import { CareerProfileDto } from './record-career-profile.dto';

/** The career profile: record-career-profile, and update-career-profile (one controller, so the API document keeps its operation ids). */
@AgencyController('welfare-office', 'participants')
export class CareerProfileController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('career-profile', 'Create the career profile from the first meetings.', {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'CAREER_PROFILE.ALREADY_CREATED, PARTICIPANT.NOT_ENROLLED',
  })
  async create(@PathId('id') participantId: string, @Body() body: CareerProfileDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new CreateCareerProfileCommand({ participantId, ...body }, issuer)));
  }

  @Put(':id/career-profile')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the career profile (after every job, and whenever needed).' })
  @ApiOkResponse({ description: 'updated' })
  async update(@PathId('id') participantId: string, @Body() body: CareerProfileDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new UpdateCareerProfileCommand({ participantId, ...body }, issuer)));
  }
}
