import { decideSpec, metadataAt } from '@ips/testing';
import { EmployerErrors, EmployerRegistered, employerAggregate } from '../index';
import { RegisterEmployer, decideRegisterEmployer } from './register-employer.decide';

const employerId = '0190a6f0-0000-7000-8000-00000000e001';
const spec = decideSpec(employerAggregate, decideRegisterEmployer);
const register = (organisationNumber = '923609016'): RegisterEmployer => ({
  type: 'RegisterEmployer',
  data: { employerId, name: 'Lerkendal Lager AS', organisationNumber },
  metadata: metadataAt('2026-01-20T08:30:00.000Z'),
});
const registered: EmployerRegistered = {
  type: 'EmployerRegistered',
  data: {
    employerId,
    name: 'Lerkendal Lager AS',
    organisationNumber: '923609016',
    registeredAt: '2026-01-20T08:30:00.000Z',
  },
};

describe('register employer', () => {
  describe('Unregistered', () => {
    it('registers the employer at the time of the command', () => {
      spec.given().when(register()).then(registered);
    });

    it.each([
      ['eight digits', '92360901'],
      ['ten digits', '9236090160'],
      ['letters', '92360901A'],
      ['spaces', '923 609 016'],
      ['nothing', ''],
    ])('rejects an organisation number of %s', (_, organisationNumber) => {
      spec.given().when(register(organisationNumber)).thenRefused(EmployerErrors.invalidOrganisationNumber, 'rejected');
    });
  });

  describe('Registered', () => {
    it('refuses a second registration under the same id', () => {
      spec.given(registered).when(register()).thenRefused(EmployerErrors.alreadyRegistered, 'conflict');
    });
  });
});
