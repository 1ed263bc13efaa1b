import { Body, Inject } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideChangePlacementTerms } from '@ips/employer/domain';
import { CorrelationId, PathId } from '@ips/http';
import { EMPLOYER_CONFIG, EmployerConfig } from '../employer.config';
import { EmployerController, PlacementRoute } from '../employer-route';
import { ParticipantEmploymentCommands } from '../participant-employment-command.handler';
import { ChangePlacementTermsDto } from './change-placement-terms.dto';

@EmployerController()
export class ChangePlacementTermsController {
  constructor(
    private readonly commands: ParticipantEmploymentCommands,
    @Inject(EMPLOYER_CONFIG) private readonly config: EmployerConfig,
  ) {}

  @PlacementRoute(
    'terms',
    'Change hours or wage (benefits counselling is due again).',
    'PLACEMENT.ENDED, PLACEMENT.TERMS_UNCHANGED',
    'PLACEMENT.WAGE_BELOW_MINIMUM, PLACEMENT.INVALID_HOURS',
  )
  async change(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: ChangePlacementTermsDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.executeOnPlacement(
      'ChangePlacementTerms',
      { participantId, placementId, ...body, minimumHourlyWage: this.config.minimumHourlyWage },
      decideChangePlacementTerms,
      principal,
      correlationId,
    );
  }
}
