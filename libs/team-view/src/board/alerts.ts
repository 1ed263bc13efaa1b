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

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What the alerts are computed from, kept per participant (a stored read model keeps it as JSON). */
export interface AlertFacts {
  readonly enrolledOn: string | null;
  readonly discharged: boolean;
  readonly firstEmployerContact: string | null;
  readonly lastParticipantContact: string | null;
  readonly openFlag: { readonly reviewBy: string } | null;
  readonly counselling: readonly string[];
  /** placementId → startDate, while the job lasts. */
  readonly jobs: Readonly<Record<string, string>>;
  /** Every job start, ended ones too. */
  readonly starts: readonly string[];
}

export const emptyAlertFacts: AlertFacts = {
  enrolledOn: null,
  discharged: false,
  firstEmployerContact: null,
  lastParticipantContact: null,
  openFlag: null,
  counselling: [],
  jobs: {},
  starts: [],
};

/** Pure: the alert facts after one more event (events that do not bear on alerts leave them as they were). */
export function evolveAlertFacts(state: AlertFacts, event: SharedEvent): AlertFacts {
  const known = event as KnownSharedEvent;
  switch (known.type) {
    case 'ParticipantEnrolled':
      return { ...state, enrolledOn: known.occurredAt.slice(0, 10) };
    case 'ParticipantDischarged':
      return { ...state, discharged: true };
    case 'EmployerContactMade':
      return !state.firstEmployerContact || known.data.contactedOn < state.firstEmployerContact
        ? { ...state, firstEmployerContact: known.data.contactedOn }
        : state;
    case 'ParticipantContactRecorded':
      return !state.lastParticipantContact || known.data.contactedOn > state.lastParticipantContact
        ? { ...state, lastParticipantContact: known.data.contactedOn }
        : state;
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged':
      return { ...state, openFlag: { reviewBy: known.data.reviewBy } };
    case 'RelapseRiskFlagCleared':
      return { ...state, openFlag: null };
    case 'BenefitsCounsellingHeld':
      return { ...state, counselling: [...state.counselling, known.data.heldOn] };
    case 'PlacementStarted':
      return {
        ...state,
        jobs: { ...state.jobs, [known.data.placementId]: known.data.startDate },
        starts: [...state.starts, known.data.startDate],
      };
    case 'PlacementEnded': {
      const { [known.data.placementId]: _ended, ...jobs } = state.jobs;
      return { ...state, jobs };
    }
    default:
      return state;
  }
}

/**
 * The board's alerts for one participant on `today`, from the events the reader may see. Pure, so a
 * test moves the clock instead of sleeping. Each alert clears by itself once its condition ends.
 */
export function alertsFor(events: readonly SharedEvent[], today: string): Alert[] {
  return alertsFrom(events.reduce(evolveAlertFacts, emptyAlertFacts), today);
}

/** The alerts on `today` from stored facts (what `alertsFor` folds the events into). */
export function alertsFrom(f: AlertFacts, today: string): Alert[] {
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
  for (const startDate of Object.values(f.jobs)) {
    // Counselling belongs to this job if held after the previous job start (or enrolment): before the
    // start as the principle asks, or after it as a catch-up, which clears the alert.
    const previous =
      f.starts
        .filter((start) => start < startDate)
        .sort()
        .at(-1) ?? f.enrolledOn;
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

/**
 * The first day on which `alertsFrom` shows an alert (the day after a due date), or null when none is pending: a
 * stored row whose day has not come needs no alert computed (decision 33). A job without benefits counselling shows
 * whatever the day, so it is due from the start (ALWAYS_DUE).
 */
/** A due day before any real one. */
export const ALWAYS_DUE = '1970-01-01';

export function alertsDueOn(f: AlertFacts): string | null {
  if (!f.enrolledOn || f.discharged) return null;
  const days: string[] = [];
  if (!f.firstEmployerContact) days.push(addDays(f.enrolledOn, ALERT_RULES.firstEmployerContactDays + 1));
  days.push(addDays(f.lastParticipantContact ?? f.enrolledOn, ALERT_RULES.participantContactDays + 1));
  if (f.openFlag) days.push(addDays(f.openFlag.reviewBy, 1));
  if (Object.keys(f.jobs).length > 0) days.push(ALWAYS_DUE);
  return days.sort()[0] ?? null;
}
