import { EmployerSharedEvent } from '@ips/contracts';
import { EmployerEvent } from './employer.events';

type Envelope = Pick<EmployerSharedEvent, 'id' | 'recordedBy'>;

/** Shared events are about participants; an employer's registration is about an organisation, so it stays here. */
export function employerToShared(_event: EmployerEvent, _envelope: Envelope): EmployerSharedEvent[] {
  return [];
}
