import { UseCaseCommand } from '@ips/command-pipeline';
import { ChangePlacementTerms } from '@ips/employer/domain';
import { Command } from '@ips/kernel';

/** change-placement-terms: the hours or the wage of a job change (benefits counselling is due again). */
export class ChangePlacementTermsCommand extends UseCaseCommand<Command<'ChangePlacementTerms', Omit<ChangePlacementTerms['data'], 'minimumHourlyWage'>>> {
  readonly type = 'ChangePlacementTerms';
}
