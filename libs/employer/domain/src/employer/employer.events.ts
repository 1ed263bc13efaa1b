import { DomainEvent } from '@ips/kernel';

export type EmployerRegistered = DomainEvent<
  'EmployerRegistered',
  {
    readonly employerId: string;
    readonly name: string;
    readonly organisationNumber: string;
    readonly registeredAt: string;
  }
>;

export type EmployerEvent = EmployerRegistered;
