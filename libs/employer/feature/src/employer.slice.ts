import { Slice } from '@ips/command-pipeline';
import { EmployerEvent, EmployerState, employerAggregate, employerToShared } from '@ips/employer/domain';

export const employerSlice: Slice<EmployerState, EmployerEvent> = {
  aggregate: employerAggregate,
  toShared: employerToShared,
};
