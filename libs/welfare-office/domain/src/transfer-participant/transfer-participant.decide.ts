import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

const { notFound, erased, referralClosed, alreadyDischarged, sameTeam, teamNotFound, transferDateOutOfRange } = ParticipantErrors;

export type TransferParticipant = Command<
  'TransferParticipant',
  {
    readonly participantId: string;
    readonly toTeamId: string;
    /** Looked up by the feature layer: teams are the programme's, not the welfare office's. */
    readonly toTeamKnown: boolean;
    readonly reason: string;
    /** The first day with the new team; the command's day when left out. */
    readonly on?: string;
  }
>;

/** How far from the day it is recorded a transfer may be dated, either way: paperwork that comes late, a planned handover. */
export const TRANSFER_WINDOW_DAYS = 30;

type Active = Extract<ParticipantState, { status: 'Referred' | 'Enrolled' }>;

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * transfer-participant: a participant belongs to one team at a time; a transfer moves an open referral or a participant on a caseload to
 * another team from a day on, with the reason. A closed record is not moved: refer again instead.
 */
export function decideTransferParticipant(command: TransferParticipant, state: ParticipantState): Decision<ParticipantEvent> {
  switch (state.status) {
    case 'Unknown':
      return refuse('not-found', notFound, 'no participant with this id that you may see');
    case 'Erased':
      return refuse('conflict', erased, 'the participant was erased');
    case 'ReferralWithdrawn':
      return refuse('conflict', referralClosed, 'the participant withdrew the referral; refer again');
    case 'Discharged':
      return refuse('conflict', alreadyDischarged, 'the participant was discharged; refer again');
    case 'Referred':
    case 'Enrolled':
      return transfer(command, state);
    default:
      return assertNever(state);
  }
}

function transfer(command: TransferParticipant, state: Active): Decision<ParticipantEvent> {
  const { participantId, toTeamId, toTeamKnown, reason } = command.data;
  if (toTeamId === state.teamId) return refuse('conflict', sameTeam, 'the participant already belongs to this team');
  if (!toTeamKnown) return refuse('not-found', teamNotFound, 'no team with this id');
  const today = command.metadata.now.slice(0, 10);
  const on = command.data.on ?? today;
  const [earliest, latest] = [addDays(today, -TRANSFER_WINDOW_DAYS), addDays(today, TRANSFER_WINDOW_DAYS)];
  if (on < earliest || on > latest) {
    return refuse('rejected', transferDateOutOfRange, `a transfer is dated at most ${TRANSFER_WINDOW_DAYS} days back or ahead: ${earliest} to ${latest}`);
  }
  // The history stays in order: the new team's first day is not before the current one's.
  const since = state.teams.at(-1)?.from ?? state.referredAt.slice(0, 10);
  if (on < since) {
    return refuse('rejected', transferDateOutOfRange, `the participant belongs to the current team from ${since}; a transfer cannot be dated before that`);
  }
  return accept({
    type: 'ParticipantTransferred',
    data: { participantId, fromTeamId: state.teamId, toTeamId, reason, on, at: command.metadata.now },
  });
}
