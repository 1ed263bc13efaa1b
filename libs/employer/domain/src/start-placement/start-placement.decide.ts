import { Command, CommandMetadata, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';
import { ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState, employerMayStartPlacement, placementOf } from '../participant-employment/participant-employment.state';
import { termsRefusal } from '../participant-employment/placement-terms';

const { participantNotEnrolled, participantNotFound, placementAlreadyStarted, employerNotFound, notCompetitive } = ParticipantEmploymentErrors;

export type EmploymentType = 'competitive' | 'sheltered' | 'unpaid-trial';

export type StartPlacement = Command<
  'StartPlacement',
  {
    readonly participantId: string;
    readonly placementId: string;
    /** For an employer's token, the employer it names (the edge answered 403 to any other). */
    readonly employerId: string;
    /** Looked up by the feature layer: the employer is another stream. */
    readonly employerRegistered: boolean;
    readonly jobTitle: string;
    readonly startDate: string;
    readonly hoursPerWeek: number;
    readonly hourlyWage: number;
    readonly employmentType: EmploymentType;
    /** From configuration: what counts as an ordinary wage where the team works. */
    readonly minimumHourlyWage: number;
  }
>;

/** An employer's token, read as the edge reads it for "only for itself": its agency or its role. */
const isEmployer = ({ actor }: CommandMetadata): boolean => actor.agency === 'employer' || actor.role === 'employer';

/**
 * start-placement: staff record job starts for any enrolled participant. An employer records one only where the team linked it to
 * the participant and the consent in force discloses to employers; anything else, an unknown or not enrolled
 * participant included, is one and the same answer, so that an employer learns neither who is in IPS nor what the
 * team decided. Several active placements are allowed: people hold more than one job.
 */
export function decideStartPlacement(command: StartPlacement, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  if (isEmployer(command.metadata) && !employerMayStartPlacement(state, command.data.employerId)) {
    return refuse('not-found', participantNotFound, 'no participant with this id that you may see');
  }
  switch (state.status) {
    case 'NotEnrolled':
      return refuse('conflict', participantNotEnrolled, 'the participant is not enrolled');
    case 'Discharged':
      return refuse('conflict', participantNotEnrolled, 'the participant has been discharged');
    case 'Enrolled':
      return start(command, state);
    default:
      return assertNever(state);
  }
}

function start(command: StartPlacement, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const { participantId, placementId, employerId, jobTitle, startDate, hoursPerWeek, hourlyWage } = command.data;
  if (placementOf(state, placementId)) {
    return refuse('conflict', placementAlreadyStarted, 'this placement has already started');
  }
  if (!command.data.employerRegistered) {
    return refuse('not-found', employerNotFound, 'no employer registered under this id');
  }
  // IPS principle 1: ordinary jobs at ordinary pay; sheltered and unpaid work are what IPS replaces.
  if (command.data.employmentType !== 'competitive') {
    return refuse('rejected', notCompetitive, 'only competitive employment is a placement');
  }
  const refusal = termsRefusal({ hoursPerWeek, hourlyWage }, command.data.minimumHourlyWage);
  if (refusal) return refusal;
  return accept({
    type: 'PlacementStarted',
    data: {
      participantId,
      placementId,
      employerId,
      jobTitle,
      startDate,
      hoursPerWeek,
      hourlyWage,
      recordedAt: command.metadata.now,
    },
  });
}
