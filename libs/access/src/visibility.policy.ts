import { AGENCIES, Agency } from '@ips/contracts';
import { Principal } from './principal';

/** What a reader must know about an entry to decide whether they may see it. */
export interface VisibleEntry {
  readonly source: Agency;
  readonly participantId: string;
  /** Health information (relapse risk): never shown to an employer. */
  readonly health: boolean;
  /** For an employer: the placement's employer, when the entry is about one. */
  readonly employerId?: string;
  /** The named employer sees it even without disclosure: what it asked for itself (its contact requests). */
  readonly alwaysToNamedEmployer?: boolean;
}

/** The participant's latest consent, as far as sharing goes; null when none or withdrawn. */
export interface SharingConsent {
  readonly shareWith: readonly Agency[];
  readonly employerDisclosure: boolean;
  /** The welfare office that recorded it is always in the circle. */
  readonly recordedBy: Agency;
}

export const sharingCircle = (consent: SharingConsent | null): ReadonlySet<Agency> => new Set(consent ? [...consent.shareWith, consent.recordedBy] : []);

/**
 * The defaults of api-contract.md: the participant sees their whole record; every agency sees its own
 * entries; agency Y sees X's entries only while both are in the sharing circle; an employer sees
 * nothing without employer disclosure but its own contact requests, with it only entries about its own
 * placements, never health.
 */
export function canSee(reader: Principal, entry: VisibleEntry, consent: SharingConsent | null): boolean {
  if (reader.agency === 'participant') return reader.participantId === entry.participantId;
  // The programme's administrators and coordinators work with teams and figures, never with a participant's record.
  if (reader.agency === 'programme') return false;
  if (reader.agency === 'employer') {
    if (entry.health || entry.employerId === undefined || entry.employerId !== reader.employerId) return false;
    return consent?.employerDisclosure === true || entry.alwaysToNamedEmployer === true;
  }
  if (entry.source === reader.agency) return true;
  const circle = sharingCircle(consent);
  return circle.has(reader.agency) && circle.has(entry.source);
}

export const isAgency = (value: string): value is Agency => (AGENCIES as readonly string[]).includes(value);
