import { date, note, text } from './fields';
import { EventContract, EventOf } from './shared-event';

const publisher = 'employer';
const audience = 'sharing-circle';

const placement = {
  placementId: { rule: { kind: 'uuid' }, description: 'the placement' },
  employerId: { rule: { kind: 'uuid' }, description: 'the employer' },
} as const;
const terms = {
  hoursPerWeek: { rule: { kind: 'number', min: 1, max: 60 }, description: 'paid hours a week' },
  hourlyWage: { rule: { kind: 'number', min: 0 }, description: 'ordinary wage per hour, local currency' },
} as const;

export const PLACEMENT_END_REASONS = ['resigned', 'dismissed', 'contract-ended', 'laid-off', 'health', 'other'] as const;

export const placementStartedV1 = {
  type: 'PlacementStarted',
  version: 1,
  publisher,
  audience,
  description: 'A competitive job started: an ordinary job at an ordinary wage, at or above the configured minimum.',
  fields: { ...placement, jobTitle: text(200, 'job title'), startDate: date('first working day'), ...terms },
} as const satisfies EventContract;

export const followAlongContactMadeV1 = {
  type: 'FollowAlongContactMade',
  version: 1,
  publisher,
  audience,
  description: 'Follow-along support after the job start, with the worker, the employer or both.',
  fields: {
    ...placement,
    contactedOn: date('date of the contact'),
    with: { rule: { kind: 'enum', values: ['worker', 'employer', 'both'] }, description: 'who was contacted' },
    note,
  },
} as const satisfies EventContract;

export const placementTermsChangedV1 = {
  type: 'PlacementTermsChanged',
  version: 1,
  publisher,
  audience,
  description: 'Hours or wage changed (benefits counselling is due again).',
  fields: { ...placement, effectiveFrom: date('from when'), ...terms },
} as const satisfies EventContract;

export const placementEndedV1 = {
  type: 'PlacementEnded',
  version: 1,
  publisher,
  audience,
  description: 'The job ended. A job loss does not discharge anyone: the job search goes on.',
  fields: {
    ...placement,
    endDate: date('last working day'),
    reason: { rule: { kind: 'enum', values: PLACEMENT_END_REASONS }, description: 'why' },
    note,
  },
} as const satisfies EventContract;

export type PlacementStartedV1 = EventOf<typeof placementStartedV1>;
export type FollowAlongContactMadeV1 = EventOf<typeof followAlongContactMadeV1>;
export type PlacementTermsChangedV1 = EventOf<typeof placementTermsChangedV1>;
export type PlacementEndedV1 = EventOf<typeof placementEndedV1>;

export const employerContracts = [placementStartedV1, followAlongContactMadeV1, placementTermsChangedV1, placementEndedV1] as const;

export type EmployerSharedEvent = PlacementStartedV1 | FollowAlongContactMadeV1 | PlacementTermsChangedV1 | PlacementEndedV1;
