import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { OWN_RECORD, CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { AgencyController, ApiProblem, PathId, ProblemException } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantErrors } from '@ips/welfare-office/domain';
import { ProposeActionPlanCommand } from './propose-action-plan.command';
import { ProposalCreatedDto, ProposeActionPlanDto } from './propose-action-plan.dto';

/** The participant's own page: they write their plan, or propose changes to it; the specialist records it (`proposalId`). */
@AgencyController('welfare-office', 'participants')
export class ProposeActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/action-plan-proposals')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'The participant writes their action plan or proposes changes to it (their own token only); it stays open until a plan records it or a later plan replaces it.',
  })
  @ApiCreatedResponse({ type: ProposalCreatedDto })
  @ApiProblem(403, 'AUTH.FORBIDDEN', "a participant's token writes only that participant's record")
  @ApiProblem(404, ParticipantErrors.notFound, 'no participant with this id that you may see')
  @ApiProblem(
    409,
    [ParticipantErrors.discharged, ParticipantErrors.referralClosed, ParticipantErrors.erased],
    'the participant was discharged; a new referral opens a new plan',
  )
  async propose(
    @PathId('id') participantId: string,
    @Body() body: ProposeActionPlanDto,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<ProposalCreatedDto> {
    // The policy lets only participants in; each writes to their own record alone (as the team view reads it).
    if (!OWN_RECORD.isSelf(principal, participantId)) {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', "a participant's token writes only that participant's record");
    }
    const proposalId = randomUUID();
    const { goals, jobPreferences, hoursPerWeek, supportsWanted, note } = body;
    const data = { participantId, proposalId, goals, jobPreferences, hoursPerWeek, supportsWanted, ...(note === undefined ? {} : { note }) };
    accepted(await this.commands.execute(new ProposeActionPlanCommand(data, issuer)));
    return { proposalId };
  }
}
