import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { AgencyController } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { assertActsFor } from '../employer-access';
import { StartPlacementCommand } from './start-placement.command';
import { PlacementStartedDto, StartPlacementDto } from './start-placement.dto';

@AgencyController('employer', 'placements')
export class StartPlacementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a competitive job for an enrolled participant: an ordinary job at an ordinary wage.' })
  @ApiCreatedResponse({ type: PlacementStartedDto })
  @ApiForbiddenResponse({ description: "AUTH.FORBIDDEN: an employer's token for another employer" })
  @ApiNotFoundResponse({
    description:
      "EMPLOYER.NOT_FOUND; PARTICIPANT.NOT_FOUND: an employer's token for a participant the team has not linked to " +
      'that employer, or whose consent does not disclose to employers (also unknown or not enrolled: one answer)',
  })
  @ApiConflictResponse({ description: 'PARTICIPANT.NOT_ENROLLED (staff only)' })
  @ApiUnprocessableEntityResponse({
    description: 'PLACEMENT.NOT_COMPETITIVE, PLACEMENT.WAGE_BELOW_MINIMUM, PLACEMENT.INVALID_HOURS',
  })
  async start(@Body() body: StartPlacementDto, @CurrentPrincipal() principal: Principal, @Issuer() issuer: CommandIssuer): Promise<PlacementStartedDto> {
    // 403 at the edge: the token's employer is the principal's, which a command's actor does not carry.
    assertActsFor(principal, body.employerId);
    const placementId = randomUUID();
    const { participantId, employerId, jobTitle, startDate, hoursPerWeek, hourlyWage } = body;
    const data = {
      participantId,
      placementId,
      employerId,
      jobTitle,
      startDate,
      hoursPerWeek,
      hourlyWage,
      employmentType: body.employmentType ?? 'competitive',
    };
    accepted(await this.commands.execute(new StartPlacementCommand(data, issuer)));
    return { placementId };
  }
}
