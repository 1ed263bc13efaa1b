import { metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import { OnCallShiftCancelled, OnCallShiftScheduled, OnCallTeamDefined } from '../on-call-roster/on-call-roster.events';

export const teamId = '0190a6f0-0000-7000-8000-00000000b001';
export const supervisorAt = (now: string): CommandMetadata => metadataAt(now, { actor: { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' } });

export const teamDefined = (data: Partial<OnCallTeamDefined['data']> = {}): OnCallTeamDefined => ({
  type: 'OnCallTeamDefined',
  data: {
    teamId,
    name: 'IPS Trondheim',
    timeZone: 'Europe/Oslo',
    employmentSpecialistIds: ['es-ingrid', 'es-per'],
    definedAt: '2026-02-20T09:00:00.000Z',
    ...data,
  },
});

/** Oslo is UTC+1 in March until the 29th: 08:00 local is 07:00 UTC. */
export const shift = (
  shiftId: string,
  workerId: string,
  from: string,
  to: string,
  role: OnCallShiftScheduled['data']['role'] = 'employment-specialist',
): OnCallShiftScheduled => ({
  type: 'OnCallShiftScheduled',
  data: { teamId, shiftId, workerId, role, from, to, scheduledAt: '2026-02-25T09:00:00.000Z' },
});

export const cancelled = (shiftId: string): OnCallShiftCancelled => ({
  type: 'OnCallShiftCancelled',
  data: { teamId, shiftId, cancelledAt: '2026-02-26T09:00:00.000Z' },
});
