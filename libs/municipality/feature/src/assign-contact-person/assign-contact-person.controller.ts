import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, ApiProblem, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantServicesErrors } from '@ips/municipality/domain';
import { AssignContactPersonCommand } from './assign-contact-person.command';
import { AssignContactPersonDto } from './assign-contact-person.dto';

@AgencyController('municipality', 'participants')
export class AssignContactPersonController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute(
    'contact-person',
    "Name the participant's contact person at the municipality; a later one replaces it. Once teams are defined, the contact " +
      "person is picked from the participant's team: a municipal worker who is a member today.",
    { conflicts: 'MUNICIPAL_CONTACT.UNCHANGED' },
  )
  @ApiProblem(
    422,
    [ParticipantServicesErrors.notATeamMember],
    "contactPersonId: mw-siri is not a municipal worker on the participant's team today (pick one of the team's members)",
  )
  async assign(@PathId('id') participantId: string, @Body() body: AssignContactPersonDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new AssignContactPersonCommand({ participantId, ...body }, issuer)));
  }
}
