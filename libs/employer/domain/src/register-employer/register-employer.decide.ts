import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { EmployerErrors } from '../employer/employer.errors';
import { EmployerEvent, EmployerRegistered } from '../employer/employer.events';
import { EmployerState } from '../employer/employer.state';

export type RegisterEmployer = Command<'RegisterEmployer', Omit<EmployerRegistered['data'], 'registeredAt'>>;

/** Norwegian organisation numbers (Enhetsregisteret) are nine digits. */
const ORGANISATION_NUMBER = /^\d{9}$/;

/** register-employer: an employer joins the registry under a valid nine-digit organisation number, once. */
export function decideRegisterEmployer(command: RegisterEmployer, state: EmployerState): Decision<EmployerEvent> {
  switch (state.status) {
    case 'Registered':
      return refuse('conflict', EmployerErrors.alreadyRegistered, 'this employer is already registered');
    case 'Unregistered': {
      if (!ORGANISATION_NUMBER.test(command.data.organisationNumber)) {
        return refuse('rejected', EmployerErrors.invalidOrganisationNumber, 'an organisation number is nine digits');
      }
      const { employerId, name, organisationNumber } = command.data;
      return accept({
        type: 'EmployerRegistered',
        data: { employerId, name, organisationNumber, registeredAt: command.metadata.now },
      });
    }
    default:
      return assertNever(state);
  }
}
