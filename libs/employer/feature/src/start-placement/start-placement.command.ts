import { UseCaseCommand } from '@ips/command-pipeline';
import { StartPlacement } from '@ips/employer/domain';
import { Command } from '@ips/kernel';

/** start-placement: a participant starts a competitive job: an ordinary job at an ordinary wage. */
export class StartPlacementCommand extends UseCaseCommand<Command<'StartPlacement', Omit<StartPlacement['data'], 'employerRegistered' | 'minimumHourlyWage'>>> {
  readonly type = 'StartPlacement';
}
