import { UseCaseCommand } from '@ips/command-pipeline';
import { DefineTeam } from '@ips/programme/domain';

/** define-team: the programme's administrator defines an IPS team under an id they choose, or changes its definition. */
export class DefineTeamCommand extends UseCaseCommand<DefineTeam> {
  readonly type = 'DefineTeam';
}
