import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantCareErrors } from '../participant-care/participant-care.errors';
import { ParticipantCareEvent } from '../participant-care/participant-care.events';
import { whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type EndTreatment = Command<'EndTreatment', { readonly participantId: string; readonly endedOn: string; readonly reason?: string | null }>;

/** end-treatment: ends treatment at this service only; IPS support goes on. Linking a team again starts a new treatment. */
export const decideEndTreatment = (command: EndTreatment, state: ParticipantCareState): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, ({ participantId, treatment }) => {
    switch (treatment.status) {
      case 'NoTeam':
        return refuse('conflict', ParticipantCareErrors.noTeam, 'no treatment team is linked to this participant');
      case 'Ended':
        return refuse('conflict', ParticipantCareErrors.treatmentAlreadyEnded, `treatment ended on ${treatment.endedOn}`);
      case 'Linked': {
        const { endedOn, reason } = command.data;
        return accept({
          type: 'TreatmentEnded',
          data: { participantId, endedOn, reason: reason ?? null, at: command.metadata.now },
        });
      }
      default:
        return assertNever(treatment);
    }
  });
