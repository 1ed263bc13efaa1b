import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';
import { ParticipantEmploymentEvent, PlacementEndReason } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState, placementOf } from '../participant-employment/participant-employment.state';

export type EndPlacement = Command<
  'EndPlacement',
  {
    readonly participantId: string;
    readonly placementId: string;
    readonly endDate: string;
    readonly reason: PlacementEndReason;
    readonly note?: string;
  }
>;

/** end-placement: ends the job only: a job loss does not discharge anyone, the job search goes on. */
export function decideEndPlacement(command: EndPlacement, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const { participantId, placementId, endDate, reason, note } = command.data;
  const placement = placementOf(state, placementId);
  if (!placement) return refuse('not-found', ParticipantEmploymentErrors.placementNotFound, 'no such placement');
  switch (placement.status) {
    case 'Ended':
      return refuse('conflict', ParticipantEmploymentErrors.placementEnded, 'the placement has already ended');
    case 'Active':
      // Dates are YYYY-MM-DD, so text order is date order. Ending on the first day is a one-day job.
      if (endDate < placement.startDate) {
        return refuse('rejected', ParticipantEmploymentErrors.endBeforeStart, 'the end date is before the start date');
      }
      return accept({
        type: 'PlacementEnded',
        data: {
          participantId,
          placementId,
          employerId: placement.employerId,
          endDate,
          reason,
          note: note ?? null,
          recordedAt: command.metadata.now,
        },
      });
    default:
      return assertNever(placement);
  }
}
