import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantCareErrors } from '../participant-care/participant-care.errors';
import { ParticipantCareEvent, RelapseFlagFields } from '../participant-care/participant-care.events';
import { isBeforeToday, openFlag, refuseReviewDateInPast, whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type RaiseRelapseFlag = Command<'RaiseRelapseFlag', { readonly participantId: string } & RelapseFlagFields>;

/** raise-relapse-flag: one open warning at a time, so the team never has to reconcile two; a new worry changes the open flag. */
export const decideRaiseRelapseFlag = (command: RaiseRelapseFlag, state: ParticipantCareState): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, (care) => {
    const { flagId, level, reviewBy, actions } = command.data;
    if (care.relapseFlags[flagId]) {
      return refuse('conflict', ParticipantCareErrors.flagAlreadyRaised, `relapse-risk flag ${flagId} was raised before`);
    }
    const open = openFlag(care);
    if (open) {
      return refuse('conflict', ParticipantCareErrors.flagAlreadyOpen, `flag ${open.flagId} is open; change it instead`);
    }
    if (isBeforeToday(reviewBy, command.metadata.now)) return refuseReviewDateInPast(reviewBy);
    return accept({
      type: 'RelapseRiskFlagRaised',
      data: { participantId: care.participantId, flagId, level, reviewBy, actions, at: command.metadata.now },
    });
  });
