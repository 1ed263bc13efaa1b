import { Command, Decision, accept, assertNever, refuse } from '@ips/utils';
import { ParticipantEmploymentErrors } from '../participant-employment/participant-employment.errors';
import { ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState, placementOf } from '../participant-employment/participant-employment.state';
import { termsRefusal } from '../participant-employment/placement-terms';

const { participantNotEnrolled, placementAlreadyStarted, employerNotFound, notCompetitive } =
  ParticipantEmploymentErrors;

export type EmploymentType = 'competitive' | 'sheltered' | 'unpaid-trial';

export type StartPlacement = Command<
  'StartPlacement',
  {
    readonly participantId: string;
    readonly placementId: string;
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

/** Several active placements are allowed: people hold more than one job. */
export function decideStartPlacement(
  command: StartPlacement,
  state: ParticipantEmploymentState,
): Decision<ParticipantEmploymentEvent> {
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
