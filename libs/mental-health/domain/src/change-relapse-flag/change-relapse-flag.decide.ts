import { Command, Decision, accept } from '@ips/kernel';
import { ParticipantCareEvent, RelapseFlagFields } from '../participant-care/participant-care.events';
import { isBeforeToday, openFlag, refuseFlagNotRaised, refuseReviewDateInPast, whenEnrolled } from '../participant-care/participant-care.rules';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type ChangeRelapseFlag = Command<'ChangeRelapseFlag', { readonly participantId: string } & RelapseFlagFields>;

const sameActions = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((action, i) => action === b[i]);

/** change-relapse-flag: a change is a review, so the next review must lie ahead, even when only the actions change. */
export const decideChangeRelapseFlag = (command: ChangeRelapseFlag, state: ParticipantCareState): Decision<ParticipantCareEvent> =>
  whenEnrolled(state, (care) => {
    const { flagId, level, reviewBy, actions } = command.data;
    const flag = openFlag(care, flagId);
    if (!flag) return refuseFlagNotRaised(flagId);
    if (isBeforeToday(reviewBy, command.metadata.now)) return refuseReviewDateInPast(reviewBy);
    if (flag.level === level && flag.reviewBy === reviewBy && sameActions(flag.actions, actions)) return accept();
    return accept({
      type: 'RelapseRiskFlagChanged',
      data: { participantId: care.participantId, flagId, level, reviewBy, actions, at: command.metadata.now },
    });
  });
