import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { Period, Scope, within } from './fidelity-period';

/** Something that happened on a day, and the shared event that says so. */
export interface Dated {
  readonly eventId: string;
  readonly on: string;
}

/** The six phases of IPS work (IPS-25 item S3), and the events that record each. */
export const PHASES = ['intake', 'engagement', 'assessment', 'job-development', 'job-support', 'follow-along'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseWork extends Dated {
  readonly phase: Phase;
  /** Who recorded it: the token's subject and role. */
  readonly sub: string;
  readonly role: string;
}

export interface JobFacts {
  readonly placementId: string;
  readonly employerId: string;
  readonly jobTitle: string;
  readonly start: Dated;
  end: Dated | null;
  readonly termsChanges: Dated[];
  readonly followAlong: Dated[];
}

export interface ParticipantFacts {
  readonly participantId: string;
  enrolment: (Dated & { readonly specialist: string }) | null;
  discharge: Dated | null;
  readonly jobs: JobFacts[];
  readonly employerContacts: (Dated & { readonly employerId: string; readonly faceToFace: boolean })[];
  readonly participantContacts: (Dated & { readonly inCommunity: boolean })[];
  readonly counselling: Dated[];
  readonly treatmentTeams: (Dated & { readonly teamName: string })[];
  readonly phaseWork: PhaseWork[];
}

const day = (instant: string): string => instant.slice(0, 10);

/** The phases an event records work in, and on which day. */
function phasesOf(event: KnownSharedEvent): { phases: readonly Phase[]; on: string } | null {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return { phases: ['intake'], on: day(event.occurredAt) };
    case 'CareerProfileCreated':
      // "The career profile from the first meetings": whoever wrote it did the intake too.
      return { phases: ['intake', 'assessment'], on: day(event.occurredAt) };
    case 'CareerProfileUpdated':
      return { phases: ['assessment'], on: day(event.occurredAt) };
    case 'ParticipantContactRecorded':
      return { phases: ['engagement'], on: event.data.contactedOn };
    case 'ActionPlanWritten':
      return { phases: ['engagement'], on: day(event.occurredAt) };
    case 'EmployerContactMade':
      return { phases: ['job-development'], on: event.data.contactedOn };
    case 'PlacementStarted':
      return { phases: ['job-support'], on: event.data.startDate };
    case 'PlacementTermsChanged':
      return { phases: ['job-support'], on: event.data.effectiveFrom };
    case 'FollowAlongContactMade':
      return { phases: ['follow-along'], on: event.data.contactedOn };
    default:
      return null;
  }
}

/** What fidelity needs from one participant's shared events (oldest first). Pure. */
export function factsOf(participantId: string, events: readonly SharedEvent[]): ParticipantFacts {
  const facts: ParticipantFacts = {
    participantId,
    enrolment: null,
    discharge: null,
    jobs: [],
    employerContacts: [],
    participantContacts: [],
    counselling: [],
    treatmentTeams: [],
    phaseWork: [],
  };
  const jobOf = (placementId: string) => facts.jobs.find((job) => job.placementId === placementId);
  for (const event of events as readonly KnownSharedEvent[]) {
    const eventId = event.id;
    const work = phasesOf(event);
    for (const phase of work?.phases ?? []) {
      facts.phaseWork.push({ phase, on: work?.on ?? '', eventId, sub: event.recordedBy.sub, role: event.recordedBy.role });
    }
    switch (event.type) {
      case 'ParticipantEnrolled':
        facts.enrolment = { eventId, on: day(event.occurredAt), specialist: event.data.employmentSpecialistId };
        facts.discharge = null;
        break;
      case 'ParticipantDischarged':
        facts.discharge = { eventId, on: day(event.occurredAt) };
        break;
      case 'EmployerContactMade':
        facts.employerContacts.push({ eventId, on: event.data.contactedOn, employerId: event.data.employerId, faceToFace: event.data.kind === 'face-to-face' });
        break;
      case 'ParticipantContactRecorded':
        facts.participantContacts.push({ eventId, on: event.data.contactedOn, inCommunity: event.data.inCommunity });
        break;
      case 'BenefitsCounsellingHeld':
        facts.counselling.push({ eventId, on: event.data.heldOn });
        break;
      case 'TreatmentTeamLinked':
        facts.treatmentTeams.push({ eventId, on: day(event.occurredAt), teamName: event.data.teamName });
        break;
      case 'PlacementStarted':
        facts.jobs.push({
          placementId: event.data.placementId,
          employerId: event.data.employerId,
          jobTitle: event.data.jobTitle,
          start: { eventId, on: event.data.startDate },
          end: null,
          termsChanges: [],
          followAlong: [],
        });
        break;
      case 'PlacementTermsChanged':
        jobOf(event.data.placementId)?.termsChanges.push({ eventId, on: event.data.effectiveFrom });
        break;
      case 'PlacementEnded': {
        const job = jobOf(event.data.placementId);
        if (job) job.end = { eventId, on: event.data.endDate };
        break;
      }
      case 'FollowAlongContactMade':
        jobOf(event.data.placementId)?.followAlong.push({ eventId, on: event.data.contactedOn });
        break;
      default:
        break;
    }
  }
  return facts;
}

/** On a specialist's caseload at the end of `date`. */
export const activeOn = (facts: ParticipantFacts, date: string): boolean =>
  facts.enrolment !== null && facts.enrolment.on <= date && (facts.discharge === null || facts.discharge.on > date);

/** Enrolled on some day of the period. */
export const servedIn = (facts: ParticipantFacts, period: Period): boolean =>
  facts.enrolment !== null && facts.enrolment.on <= period.to && (facts.discharge === null || facts.discharge.on >= period.from);

/** A participant a review looks at: served in the period, on the team's (or the one specialist's) caseload. */
export const isInScope = (facts: ParticipantFacts, scope: Scope): boolean =>
  servedIn(facts, scope.period) && (scope.team === null || facts.enrolment?.specialist === scope.team);

/** The participants a review looks at. */
export const inScope = (participants: readonly ParticipantFacts[], scope: Scope): ParticipantFacts[] => participants.filter((facts) => isInScope(facts, scope));

export const specialistOf = (facts: ParticipantFacts): string => facts.enrolment?.specialist ?? '';

/** Jobs held on some day of the period. */
export const jobsHeldIn = (facts: ParticipantFacts, period: Period): JobFacts[] =>
  facts.jobs.filter((job) => job.start.on <= period.to && (job.end === null || job.end.on >= period.from));

export const datedIn = <T extends Dated>(items: readonly T[], period: Period): T[] => items.filter((item) => within(item.on, period));
