import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

/**
 * Whether a participant's record names this staff member as theirs: the employment specialist or contact
 * person at the latest enrolment, the clinician of the latest treatment team, the municipal contact person.
 * Only ids are looked at (never personal fields), so it runs on the sealed events before any read.
 */
export const namesReader =
  (sub: string) =>
  (events: readonly SharedEvent[]): boolean => {
    const current = new Map<string, string[]>();
    for (const event of events as readonly KnownSharedEvent[]) {
      if (event.type === 'ParticipantEnrolled') current.set('welfare-office', [event.data.employmentSpecialistId, event.data.contactPersonId]);
      else if (event.type === 'TreatmentTeamLinked') current.set('mental-health', [event.data.clinicianId]);
      else if (event.type === 'TreatmentEnded') current.delete('mental-health');
      else if (event.type === 'MunicipalContactAssigned') current.set('municipality', [event.data.contactPersonId]);
    }
    return [...current.values()].some((ids) => ids.includes(sub));
  };
