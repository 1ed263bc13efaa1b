import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

/** Who a participant's record names as theirs, per agency (a stored read model keeps it as JSON). */
export type NamedStaff = Readonly<Record<string, readonly string[]>>;

/**
 * Pure: the staff the record names after one more event: the employment specialist and contact person at the latest
 * enrolment, the clinician of the latest treatment team (until treatment ends), the municipal contact person. Only
 * ids are looked at (never personal fields), so it runs on the sealed events.
 */
export function evolveNamedStaff(named: NamedStaff, event: SharedEvent): NamedStaff {
  const known = event as KnownSharedEvent;
  if (known.type === 'ParticipantEnrolled') return { ...named, 'welfare-office': [known.data.employmentSpecialistId, known.data.contactPersonId] };
  if (known.type === 'TreatmentTeamLinked') return { ...named, 'mental-health': [known.data.clinicianId] };
  if (known.type === 'TreatmentEnded') {
    const { 'mental-health': _ended, ...rest } = named;
    return rest;
  }
  if (known.type === 'MunicipalContactAssigned') return { ...named, municipality: [known.data.contactPersonId] };
  return named;
}

/** Every staff id the record names, whatever the agency. */
export const namedSubs = (named: NamedStaff): string[] => [...new Set(Object.values(named).flat())].sort();

/** Whether a participant's record names this staff member as theirs (see evolveNamedStaff). */
export const namesReader =
  (sub: string) =>
  (events: readonly SharedEvent[]): boolean =>
    namedSubs(events.reduce(evolveNamedStaff, {})).includes(sub);
