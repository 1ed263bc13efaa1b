import { UseCaseCommand } from '@ips/command-pipeline';
import { RegisterEmployer } from '@ips/employer/domain';

/** register-employer: job development registers an employer (or an employer itself, under the id its token names). */
export class RegisterEmployerCommand extends UseCaseCommand<RegisterEmployer> {
  readonly type = 'RegisterEmployer';
}
