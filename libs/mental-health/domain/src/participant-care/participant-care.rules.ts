import { Decision, assertNever, refuse } from '@ips/kernel';
import { ParticipantCareErrors } from './participant-care.errors';
import { ParticipantCareEvent } from './participant-care.events';
import { Care, EnrolledCare, OpenRelapseFlag, ParticipantCareState } from './participant-care.state';

export const refuseNotEnrolled = (status: ParticipantCareState['status']): Decision<ParticipantCareEvent> =>
  refuse('conflict', ParticipantCareErrors.notEnrolled, `the participant is not enrolled in IPS (${status})`);

/** This service works with a participant only while the welfare office has them enrolled in IPS. */
export function whenEnrolled(state: ParticipantCareState, decide: (state: EnrolledCare) => Decision<ParticipantCareEvent>): Decision<ParticipantCareEvent> {
  switch (state.status) {
    case 'Enrolled':
      return decide(state);
    case 'NotEnrolled':
    case 'Discharged':
      return refuseNotEnrolled(state.status);
    default:
      return assertNever(state);
  }
}

/**
 * `now` is UTC. Norway and Sweden are ahead of UTC, so the UTC date never runs ahead of the local
 * date: a review due today, local time, is never refused as past.
 */
export const isBeforeToday = (date: string, now: string): boolean => date < now.slice(0, 10);

export const refuseReviewDateInPast = (reviewBy: string): Decision<ParticipantCareEvent> =>
  refuse('rejected', ParticipantCareErrors.reviewDateInPast, `reviewBy ${reviewBy} is before today`);

export const refuseFlagNotRaised = (flagId: string): Decision<ParticipantCareEvent> =>
  refuse('conflict', ParticipantCareErrors.flagNotRaised, `no open relapse-risk flag ${flagId}`);

export const openFlag = (care: Care, flagId?: string): OpenRelapseFlag | undefined =>
  Object.values(care.relapseFlags).find((flag): flag is OpenRelapseFlag => flag.status === 'Open' && (flagId === undefined || flag.flagId === flagId));
