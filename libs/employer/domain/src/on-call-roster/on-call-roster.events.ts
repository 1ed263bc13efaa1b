import { DomainEvent } from '@ips/kernel';

/** The team's own tiers; the crisis service's rota is the municipality's. */
export type OnCallRole = 'employment-specialist' | 'supervisor';

export type OnCallTeamDefined = DomainEvent<
  'OnCallTeamDefined',
  {
    readonly teamId: string;
    readonly name: string;
    /** IANA name: shift times are read and shown in it, across daylight-saving changes. */
    readonly timeZone: string;
    /** Whose participants the team's on-call covers. */
    readonly employmentSpecialistIds: readonly string[];
    readonly definedAt: string;
  }
>;

export type OnCallShiftScheduled = DomainEvent<
  'OnCallShiftScheduled',
  {
    readonly teamId: string;
    readonly shiftId: string;
    readonly workerId: string;
    readonly role: OnCallRole;
    /** Inclusive, UTC. */
    readonly from: string;
    /** Exclusive, UTC: the next shift's `from` is the handover. */
    readonly to: string;
    readonly scheduledAt: string;
  }
>;

export type OnCallShiftCancelled = DomainEvent<'OnCallShiftCancelled', { readonly teamId: string; readonly shiftId: string; readonly cancelledAt: string }>;

export type OnCallRosterEvent = OnCallTeamDefined | OnCallShiftScheduled | OnCallShiftCancelled;
