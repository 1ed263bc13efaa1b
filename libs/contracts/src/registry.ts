import { ContactLineSharedEvent, contactLineContracts } from './contact-line.contracts';
import { EmployerSharedEvent, employerContracts } from './employer.contracts';
import { MentalHealthSharedEvent, mentalHealthContracts } from './mental-health.contracts';
import { MunicipalitySharedEvent, municipalityContracts } from './municipality.contracts';
import { ContractRegistry } from './shared-event';
import { WelfareOfficeSharedEvent, welfareOfficeContracts } from './welfare-office.contracts';

/** Every shared participant event the platform knows, all versions. */
export const contracts = new ContractRegistry([
  ...welfareOfficeContracts,
  ...mentalHealthContracts,
  ...employerContracts,
  ...contactLineContracts,
  ...municipalityContracts,
]);

/** The events the team view understands. */
export type KnownSharedEvent = WelfareOfficeSharedEvent | MentalHealthSharedEvent | EmployerSharedEvent | ContactLineSharedEvent | MunicipalitySharedEvent;
