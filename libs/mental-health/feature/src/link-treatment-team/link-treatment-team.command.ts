import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { LinkTreatmentTeam } from '@ips/mental-health/domain';

/** link-treatment-team: the participant's treatment team and clinician are linked to the IPS team. */
export class LinkTreatmentTeamCommand extends UseCaseCommand<Command<'LinkTreatmentTeam', Omit<LinkTreatmentTeam['data'], 'named'>>> {
  readonly type = 'LinkTreatmentTeam';
}
