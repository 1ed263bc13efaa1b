import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';
import { FollowAlongWith, ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState, placementOf } from '../participant-employment/participant-employment.state';

export type RecordFollowAlongContact = Command<
  'RecordFollowAlongContact',
  {
    readonly participantId: string;
    readonly placementId: string;
    readonly contactedOn: string;
    readonly with: FollowAlongWith;
    readonly note?: string;
  }
>;

/** record-follow-along-contact: follow-along starts before the first working day, so a contact may predate the start date. */
export function decideRecordFollowAlongContact(command: RecordFollowAlongContact, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const placement = placementOf(state, command.data.placementId);
  if (!placement) return refuse('not-found', ParticipantEmploymentErrors.placementNotFound, 'no such placement');
  switch (placement.status) {
    case 'Ended':
      return refuse('conflict', ParticipantEmploymentErrors.placementEnded, 'the placement has ended');
    case 'Active':
      return accept({
        type: 'FollowAlongContactMade',
        data: {
          participantId: command.data.participantId,
          placementId: placement.placementId,
          employerId: placement.employerId,
          contactedOn: command.data.contactedOn,
          with: command.data.with,
          note: command.data.note ?? null,
          recordedAt: command.metadata.now,
        },
      });
    default:
      return assertNever(placement);
  }
}
