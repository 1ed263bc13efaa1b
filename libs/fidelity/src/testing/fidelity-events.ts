import { Agency, SharedEvent } from '@ips/contracts';
import { ParticipantFacts, factsOf } from '../fidelity-facts';

/** Shared events for the fidelity specs: `given these events`, built as the agencies publish them. */
let n = 0;
const nextId = (): string => `01a30000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

export interface By {
  readonly sub: string;
  readonly role?: string;
}

const SOURCES: Record<string, Agency> = {
  TreatmentTeamLinked: 'mental-health',
  PlacementStarted: 'employer',
  PlacementTermsChanged: 'employer',
  PlacementEnded: 'employer',
  FollowAlongContactMade: 'employer',
};

export function event(participantId: string, type: string, on: string, data: object, by: By = { sub: 'es-ingrid' }): SharedEvent {
  const source = SOURCES[type] ?? 'welfare-office';
  return {
    id: nextId(),
    type,
    version: 1,
    source,
    participantId,
    occurredAt: `${on}T10:00:00.000Z`,
    recordedBy: { sub: by.sub, agency: 'welfare-office', role: by.role ?? 'employment-specialist' },
    data: data as Record<string, unknown>,
  };
}

export const enrolled = (p: string, on: string, specialist = 'es-ingrid', by: By = { sub: specialist }) =>
  event(p, 'ParticipantEnrolled', on, { employmentSpecialistId: specialist, contactPersonId: 'cw-ola' }, by);
export const discharged = (p: string, on: string) => event(p, 'ParticipantDischarged', on, { reason: 'moved-away' });
export const employerContact = (p: string, on: string, employerId = 'e1', kind = 'face-to-face', by?: By) =>
  event(p, 'EmployerContactMade', on, { employerId, kind, contactedOn: on }, by);
export const participantContact = (p: string, on: string, inCommunity: boolean, by?: By) =>
  event(p, 'ParticipantContactRecorded', on, { contactedOn: on, mode: 'in-person', inCommunity }, by);
export const careerProfile = (p: string, on: string, by?: By) => event(p, 'CareerProfileCreated', on, { strengths: [], interests: [] }, by);
export const counselling = (p: string, on: string) => event(p, 'BenefitsCounsellingHeld', on, { heldOn: on, topics: ['wages'] });
export const teamLinked = (p: string, on: string, teamName: string) =>
  event(p, 'TreatmentTeamLinked', on, { teamName, clinicianId: 'dr-lie' }, { sub: 'dr-lie', role: 'clinician' });

export interface JobOptions {
  readonly employerId?: string;
  readonly jobTitle?: string;
  readonly by?: By;
}
export const started = (p: string, placementId: string, startDate: string, options: JobOptions = {}) =>
  event(
    p,
    'PlacementStarted',
    startDate,
    { placementId, employerId: options.employerId ?? 'e1', jobTitle: options.jobTitle ?? 'Warehouse worker', startDate, hoursPerWeek: 20, hourlyWage: 230 },
    options.by,
  );
export const termsChanged = (p: string, placementId: string, effectiveFrom: string) =>
  event(p, 'PlacementTermsChanged', effectiveFrom, { placementId, employerId: 'e1', effectiveFrom, hoursPerWeek: 30, hourlyWage: 240 });
export const ended = (p: string, placementId: string, endDate: string) =>
  event(p, 'PlacementEnded', endDate, { placementId, employerId: 'e1', endDate, reason: 'laid-off' });
export const followAlong = (p: string, placementId: string, on: string, by?: By) =>
  event(p, 'FollowAlongContactMade', on, { placementId, employerId: 'e1', contactedOn: on, with: 'worker' }, by);

/** One participant's facts from their events, in the order given (the timeline's order). */
export const given = (participantId: string, ...events: SharedEvent[]): ParticipantFacts => factsOf(participantId, events);
