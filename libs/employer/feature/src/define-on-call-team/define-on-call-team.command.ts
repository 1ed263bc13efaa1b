import { UseCaseCommand } from '@ips/command-pipeline';
import { DefineOnCallTeam } from '@ips/employer/domain';
import { Command } from '@ips/kernel';

/** define-on-call-team: an on-call team of the line's own is defined (or redefined) while the programme defines no team. */
export class DefineOnCallTeamCommand extends UseCaseCommand<Command<'DefineOnCallTeam', Omit<DefineOnCallTeam['data'], 'teamsDefined'>>> {
  readonly type = 'DefineOnCallTeam';
}
