import { DomainEvent } from '@ips/kernel';

export type DutyScheduled = DomainEvent<
  'DutyScheduled',
  {
    readonly rotaId: string;
    readonly shiftId: string;
    readonly workerId: string;
    readonly name: string;
    readonly phone: string;
    readonly from: string;
    readonly to: string;
    readonly scheduledAt: string;
  }
>;

export type DutyCancelled = DomainEvent<'DutyCancelled', { readonly rotaId: string; readonly shiftId: string; readonly cancelledAt: string }>;

export type CrisisRotaEvent = DutyScheduled | DutyCancelled;
