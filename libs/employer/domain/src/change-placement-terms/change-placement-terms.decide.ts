import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';
import { ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState, placementOf } from '../participant-employment/participant-employment.state';
import { termsRefusal } from '../participant-employment/placement-terms';

export type ChangePlacementTerms = Command<
  'ChangePlacementTerms',
  {
    readonly participantId: string;
    readonly placementId: string;
    readonly effectiveFrom: string;
    readonly hoursPerWeek: number;
    readonly hourlyWage: number;
    /** From configuration, as when the placement started. */
    readonly minimumHourlyWage: number;
  }
>;

/** change-placement-terms: new hours or wage from a date, on a placement that has not ended, at an ordinary wage. */
export function decideChangePlacementTerms(command: ChangePlacementTerms, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const { participantId, placementId, effectiveFrom, hoursPerWeek, hourlyWage } = command.data;
  const placement = placementOf(state, placementId);
  if (!placement) return refuse('not-found', ParticipantEmploymentErrors.placementNotFound, 'no such placement');
  switch (placement.status) {
    case 'Ended':
      return refuse('conflict', ParticipantEmploymentErrors.placementEnded, 'the placement has ended');
    case 'Active': {
      const refusal = termsRefusal({ hoursPerWeek, hourlyWage }, command.data.minimumHourlyWage);
      if (refusal) return refusal;
      // A change calls for benefits counselling again, so a non-change must not be published as one.
      if (hoursPerWeek === placement.hoursPerWeek && hourlyWage === placement.hourlyWage) {
        return refuse('conflict', ParticipantEmploymentErrors.termsUnchanged, 'these are already the terms');
      }
      return accept({
        type: 'PlacementTermsChanged',
        data: {
          participantId,
          placementId,
          employerId: placement.employerId,
          effectiveFrom,
          hoursPerWeek,
          hourlyWage,
          recordedAt: command.metadata.now,
        },
      });
    }
    default:
      return assertNever(placement);
  }
}
