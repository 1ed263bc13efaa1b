import { metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import {
  DischargeNoted,
  EmployerDisclosureNoted,
  EmployerLinkNoted,
  EnrolmentNoted,
  PlacementEnded,
  PlacementStarted,
} from '../participant-employment/participant-employment.events';

export const participantId = '0190a6f0-0000-7000-8000-00000000c001';
export const placementId = '0190a6f0-0000-7000-8000-00000000c101';
export const otherPlacementId = '0190a6f0-0000-7000-8000-00000000c102';
export const employerId = '0190a6f0-0000-7000-8000-00000000e001';
export const otherEmployerId = '0190a6f0-0000-7000-8000-00000000e002';
export const minimumHourlyWage = 200;

export const at = (now: string): CommandMetadata => metadataAt(now, { actor: { sub: 'es-7', agency: 'welfare-office', role: 'employment-specialist' } });

/** An employer's own token: it may act only for `employerId` (the edge checks that). */
export const asEmployer = (now: string): CommandMetadata => metadataAt(now, { actor: { sub: 'hr-kari', agency: 'employer', role: 'employer' } });

export const enrolled: EnrolmentNoted = {
  type: 'EnrolmentNoted',
  data: { participantId, employmentSpecialistId: 'es-7', enrolledAt: '2026-01-12T10:00:00.000Z' },
};

export const discharged: DischargeNoted = {
  type: 'DischargeNoted',
  data: { participantId, reason: 'steady-employment', dischargedAt: '2027-02-01T09:00:00.000Z' },
};

export const started = (data: Partial<PlacementStarted['data']> = {}): PlacementStarted => ({
  type: 'PlacementStarted',
  data: {
    participantId,
    placementId,
    employerId,
    jobTitle: 'Warehouse assistant',
    startDate: '2026-02-02',
    hoursPerWeek: 20,
    hourlyWage: 230,
    recordedAt: '2026-01-28T13:00:00.000Z',
    ...data,
  },
});

export const ended = (data: Partial<PlacementEnded['data']> = {}): PlacementEnded => ({
  type: 'PlacementEnded',
  data: {
    participantId,
    placementId,
    employerId,
    endDate: '2026-05-29',
    reason: 'contract-ended',
    note: null,
    recordedAt: '2026-05-29T15:00:00.000Z',
    ...data,
  },
});

/** The employment specialist contacted the employer for the participant. */
export const linked = (data: Partial<EmployerLinkNoted['data']> = {}): EmployerLinkNoted => ({
  type: 'EmployerLinkNoted',
  data: { participantId, employerId, linkedAt: '2026-01-20T10:00:00.000Z', ...data },
});

/** The consent in force: disclosed to employers (given) or not (given without disclosure, or withdrawn). */
export const disclosure = (employerDisclosure: boolean, consentedAt = '2026-01-14T10:00:00.000Z'): EmployerDisclosureNoted => ({
  type: 'EmployerDisclosureNoted',
  data: { participantId, employerDisclosure, consentedAt },
});
