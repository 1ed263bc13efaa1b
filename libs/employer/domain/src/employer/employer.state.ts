import { Aggregate, assertNever } from '@ips/kernel';
import { EmployerEvent } from './employer.events';

export type EmployerState =
  | { readonly status: 'Unregistered' }
  | {
      readonly status: 'Registered';
      readonly employerId: string;
      readonly name: string;
      readonly organisationNumber: string;
      readonly registeredAt: string;
    };

export const initialEmployerState: EmployerState = { status: 'Unregistered' };

export function evolveEmployer(_state: EmployerState, event: EmployerEvent): EmployerState {
  switch (event.type) {
    case 'EmployerRegistered':
      return { status: 'Registered', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const employerAggregate: Aggregate<EmployerState, EmployerEvent> = {
  category: 'employer.employer',
  initialState: initialEmployerState,
  evolve: evolveEmployer,
};
