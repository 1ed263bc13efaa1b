import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { decideStartPlacement } from '@ips/employer/domain';
import { assertActsFor } from '../employer-access';
import { EmployerCommands } from '../employer-command.handler';
import { EMPLOYER_CONFIG, EmployerConfig } from '../employer.config';
import { EmployerController } from '../employer-route';
import { ParticipantEmploymentCommands } from '../participant-employment-command.handler';
import { PlacementStartedDto, StartPlacementDto } from './start-placement.dto';

@EmployerController()
export class StartPlacementController {
  constructor(
    private readonly commands: ParticipantEmploymentCommands,
    private readonly employers: EmployerCommands,
    @Inject(EMPLOYER_CONFIG) private readonly config: EmployerConfig,
  ) {}

  @Post('placements')
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
  async start(
    @Body() body: StartPlacementDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<PlacementStartedDto> {
    assertActsFor(principal, body.employerId);
    const placementId = randomUUID();
    await this.commands.execute(
      'StartPlacement',
      {
        participantId: body.participantId,
        placementId,
        employerId: body.employerId,
        employerRegistered: await this.employers.isRegistered(body.employerId),
        jobTitle: body.jobTitle,
        startDate: body.startDate,
        hoursPerWeek: body.hoursPerWeek,
        hourlyWage: body.hourlyWage,
        employmentType: body.employmentType ?? 'competitive',
        minimumHourlyWage: this.config.minimumHourlyWage,
      },
      decideStartPlacement,
      principal,
      correlationId,
    );
    return { placementId };
  }
}
