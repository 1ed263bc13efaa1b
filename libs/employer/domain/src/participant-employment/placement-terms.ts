import { placementStartedV1 } from '@ips/contracts';
import { Decision, refuse } from '@ips/kernel';
import { ParticipantEmploymentErrors } from './participant-employment.errors';

export interface PlacementTerms {
  readonly hoursPerWeek: number;
  readonly hourlyWage: number;
}

/** The published contract bounds the hours: terms outside it could never be shared with the team. */
const HOURS = placementStartedV1.fields.hoursPerWeek.rule;

/** Why the terms are not those of a competitive job, or null when they are. */
export function termsRefusal(terms: PlacementTerms, minimumHourlyWage: number): Decision<never> | null {
  if (!(terms.hoursPerWeek >= HOURS.min && terms.hoursPerWeek <= HOURS.max)) {
    const message = `hours per week must be ${HOURS.min} to ${HOURS.max}`;
    return refuse('rejected', ParticipantEmploymentErrors.invalidHours, message);
  }
  // IPS counts only ordinary pay: a wage under the configured minimum is not competitive work.
  if (terms.hourlyWage < minimumHourlyWage) {
    return refuse('rejected', ParticipantEmploymentErrors.wageBelowMinimum, `the hourly wage is below the minimum of ${minimumHourlyWage}`);
  }
  return null;
}
