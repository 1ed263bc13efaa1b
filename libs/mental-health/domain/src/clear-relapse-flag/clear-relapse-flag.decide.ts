import { Command, Decision, accept, assertNever } from '@ips/kernel';
import { ParticipantCareEvent } from '../participant-care/participant-care.events';
import { openFlag, refuseFlagNotRaised, refuseNotEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type ClearRelapseFlag = Command<'ClearRelapseFlag', { readonly participantId: string; readonly flagId: string; readonly reason?: string | null }>;

/** clear-relapse-flag: clearing stays possible after discharge, so no warning outlives the care it was about. */
export function decideClearRelapseFlag(command: ClearRelapseFlag, state: ParticipantCareState): Decision<ParticipantCareEvent> {
  switch (state.status) {
    case 'NotEnrolled':
      return refuseNotEnrolled(state.status);
    case 'Enrolled':
    case 'Discharged': {
      const { flagId, reason } = command.data;
      if (!openFlag(state, flagId)) return refuseFlagNotRaised(flagId);
      return accept({
        type: 'RelapseRiskFlagCleared',
        data: { participantId: state.participantId, flagId, reason: reason ?? null, at: command.metadata.now },
      });
    }
    default:
      return assertNever(state);
  }
}
