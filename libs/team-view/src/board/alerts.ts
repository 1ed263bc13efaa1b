import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

export type AlertCode =
  | 'NO_EMPLOYER_CONTACT_30_DAYS'
  | 'NO_PARTICIPANT_CONTACT_14_DAYS'
  | 'RELAPSE_FLAG_REVIEW_OVERDUE'
  | 'JOB_START_WITHOUT_BENEFITS_COUNSELLING'
  | 'CONTACT_REQUEST_OPEN'
  | 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE';

export interface Alert {
  readonly code: AlertCode;
  readonly message: string;
  /** The date (or, for the contact line, the instant) the condition began: alerts are ordered by it. */
  readonly since: string;
}

/** Thresholds from the IPS principles: rapid job search (30 days), assertive outreach (14 days). */
export const ALERT_RULES = { firstEmployerContactDays: 30, participantContactDays: 14 } as const;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Facts {
  enrolledOn: string | null;
  discharged: boolean;
  firstEmployerContact: string | null;
  lastParticipantContact: string | null;
  openFlag: { reviewBy: string } | null;
  counselling: string[];
  jobs: Map<string, string>; // placementId → startDate, while active
  starts: string[]; // every job start, ended ones too
}

function facts(events: readonly SharedEvent[]): Facts {
  const state: Facts = {
    enrolledOn: null,
    discharged: false,
    firstEmployerContact: null,
    lastParticipantContact: null,
    openFlag: null,
    counselling: [],
    jobs: new Map(),
    starts: [],
  };
  for (const event of events as readonly KnownSharedEvent[]) {
    switch (event.type) {
      case 'ParticipantEnrolled':
        state.enrolledOn = event.occurredAt.slice(0, 10);
        break;
      case 'ParticipantDischarged':
        state.discharged = true;
        break;
      case 'EmployerContactMade':
        if (!state.firstEmployerContact || event.data.contactedOn < state.firstEmployerContact)
          state.firstEmployerContact = event.data.contactedOn;
        break;
      case 'ParticipantContactRecorded':
        if (!state.lastParticipantContact || event.data.contactedOn > state.lastParticipantContact)
          state.lastParticipantContact = event.data.contactedOn;
        break;
      case 'RelapseRiskFlagRaised':
      case 'RelapseRiskFlagChanged':
        state.openFlag = { reviewBy: event.data.reviewBy };
        break;
      case 'RelapseRiskFlagCleared':
        state.openFlag = null;
        break;
      case 'BenefitsCounsellingHeld':
        state.counselling.push(event.data.heldOn);
        break;
      case 'PlacementStarted':
        state.jobs.set(event.data.placementId, event.data.startDate);
        state.starts.push(event.data.startDate);
        break;
      case 'PlacementEnded':
        state.jobs.delete(event.data.placementId);
        break;
      default:
        break;
    }
  }
  return state;
}

/**
 * The board's alerts for one participant on `today`, from the events the reader may see. Pure, so a
 * test moves the clock instead of sleeping. Each alert clears by itself once its condition ends.
 */
export function alertsFor(events: readonly SharedEvent[], today: string): Alert[] {
  const f = facts(events);
  if (!f.enrolledOn || f.discharged) return [];
  const alerts: Alert[] = [];
  const contactDue = addDays(f.enrolledOn, ALERT_RULES.firstEmployerContactDays);
  if (!f.firstEmployerContact && today > contactDue) {
    alerts.push({ code: 'NO_EMPLOYER_CONTACT_30_DAYS', since: contactDue, message: 'no employer contact in the 30 days since enrolment' });
  }
  const lastSeen = f.lastParticipantContact ?? f.enrolledOn;
  const seenDue = addDays(lastSeen, ALERT_RULES.participantContactDays);
  if (today > seenDue) {
    alerts.push({ code: 'NO_PARTICIPANT_CONTACT_14_DAYS', since: seenDue, message: `no contact with the participant since ${lastSeen}` });
  }
  if (f.openFlag && today > f.openFlag.reviewBy) {
    alerts.push({ code: 'RELAPSE_FLAG_REVIEW_OVERDUE', since: f.openFlag.reviewBy, message: `relapse flag was due for review on ${f.openFlag.reviewBy}` });
  }
  for (const startDate of f.jobs.values()) {
    // Counselling belongs to this job if held after the previous job start (or enrolment): before the
    // start as the principle asks, or after it as a catch-up, which clears the alert.
    const previous = f.starts.filter((start) => start < startDate).sort().at(-1) ?? f.enrolledOn;
    if (!f.counselling.some((heldOn) => heldOn >= previous)) {
      alerts.push({
        code: 'JOB_START_WITHOUT_BENEFITS_COUNSELLING',
        since: startDate,
        message: `job started ${startDate} without benefits counselling`,
      });
    }
  }
  return alerts.sort((a, b) => a.since.localeCompare(b.since));
}
