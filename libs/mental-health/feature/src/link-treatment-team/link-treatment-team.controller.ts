import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, ApiProblem, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantCareErrors } from '@ips/mental-health/domain';
import { LinkTreatmentTeamCommand } from './link-treatment-team.command';
import { LinkTreatmentTeamDto } from './link-treatment-team.dto';

@AgencyController('mental-health', 'participants')
export class LinkTreatmentTeamController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute(
    'treatment-team',
    "Link the participant's treatment team and clinician to the IPS team; a new link after treatment ended starts a new treatment. " +
      "Once teams are defined, the clinician is picked from the participant's team: a mental-health clinician who is a member today.",
    { conflicts: 'PARTICIPANT.NOT_ENROLLED' },
  )
  @ApiProblem(
    422,
    [ParticipantCareErrors.notATeamMember],
    "clinicianId: dr-lie is not a clinician on the participant's team today (pick one of the team's members)",
  )
  async link(@PathId('id') participantId: string, @Body() body: LinkTreatmentTeamDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new LinkTreatmentTeamCommand({ participantId, ...body }, issuer)));
  }
}
