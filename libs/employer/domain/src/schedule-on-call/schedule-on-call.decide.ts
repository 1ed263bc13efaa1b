import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { toInstant } from '../on-call-roster/local-time';
import { OnCallRosterErrors } from '../on-call-roster/on-call-roster.errors';
import { OnCallRole, OnCallRosterEvent } from '../on-call-roster/on-call-roster.events';
import { OnCallRosterState, findOnCallShift, shiftsOf } from '../on-call-roster/on-call-roster.state';
import { ProgrammeTeamFacts, coversShift } from '../on-call-roster/programme-team';

const { teamNotFound, invalidTime, invalidPeriod, shiftAlreadyScheduled, overlaps, useProgrammeTeams, notATeamMember } = OnCallRosterErrors;

export type ScheduleOnCall = Command<
  'ScheduleOnCall',
  {
    readonly teamId: string;
    readonly shiftId: string;
    readonly workerId: string;
    readonly role: OnCallRole;
    /** A local time in the team's zone (`2026-03-02T16:00`) or an instant with its zone (`…Z`, `…+01:00`). */
    readonly from: string;
    readonly to: string;
    /** The programme's team with this id, from the service's team directory; null or left out when there is none. */
    readonly programmeTeam?: ProgrammeTeamFacts | null;
    /** Whether the programme has defined any team: once it has, shifts go on its teams only. */
    readonly teamsDefined?: boolean;
  }
>;

/** A fortnight: longer than any on-call stretch a team would plan, short enough to catch a mistyped year. */
export const MAX_SHIFT_HOURS = 14 * 24;

/** The team's own tiers are the welfare office's IPS staff: a shift's role is the role its worker holds on the team. */
export const ON_CALL_AGENCY = 'welfare-office';

const says: Record<OnCallRole, string> = { 'employment-specialist': 'an employment specialist', supervisor: 'a supervisor' };

/**
 * schedule-on-call: A shift goes on a programme team (its zone, and its worker one of its welfare-office members in the shift's role over
 * the shift's days), or, while the programme defines no team, on an on-call team defined here before teams. Once any
 * programme team exists, an on-call team from before takes no new shifts (409 ON_CALL.USE_PROGRAMME_TEAMS); its shifts
 * already scheduled still route and may be cancelled.
 */
export function decideScheduleOnCall(command: ScheduleOnCall, state: OnCallRosterState): Decision<OnCallRosterEvent> {
  const { programmeTeam, teamsDefined } = command.data;
  if (programmeTeam) return schedule(command, state, programmeTeam.timeZone, programmeTeam);
  switch (state.status) {
    case 'Undefined':
    case 'Rostered':
      return refuse('not-found', teamNotFound, 'no on-call team with this id');
    case 'Defined':
      if (teamsDefined) {
        return refuse(
          'conflict',
          useProgrammeTeams,
          "on-call teams are the programme's teams now: schedule on the team's id from GET /programme/teams (PUT /programme/teams/:teamId defines one)",
        );
      }
      return schedule(command, state, state.timeZone, null);
    default:
      return assertNever(state);
  }
}

function schedule(command: ScheduleOnCall, state: OnCallRosterState, timeZone: string, team: ProgrammeTeamFacts | null): Decision<OnCallRosterEvent> {
  const { teamId, shiftId, workerId, role } = command.data;
  const from = toInstant(command.data.from, timeZone);
  const to = toInstant(command.data.to, timeZone);
  if (!from || !to) return refuse('rejected', invalidTime, `shift times are local times in ${timeZone} or instants with a zone`);
  const hours = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  if (!(hours > 0 && hours <= MAX_SHIFT_HOURS)) {
    return refuse('rejected', invalidPeriod, `a shift ends after it starts and lasts at most ${MAX_SHIFT_HOURS} hours`);
  }
  if (findOnCallShift(state, shiftId)) return refuse('conflict', shiftAlreadyScheduled, 'this shift is already scheduled');
  if (team && !coversShift(team, { sub: workerId, agency: ON_CALL_AGENCY, role }, from, to)) {
    return refuse('rejected', notATeamMember, `workerId: ${workerId} is not ${says[role]} on the team for the whole shift (pick one of the team's members)`);
  }
  const clash = shiftsOf(state).find((shift) => !shift.cancelled && shift.workerId === workerId && shift.from < to && from < shift.to);
  if (clash) return refuse('conflict', overlaps, `${workerId} is already on call ${clash.from} to ${clash.to}`);
  return accept({
    type: 'OnCallShiftScheduled',
    data: { teamId, shiftId, workerId, role, from, to, scheduledAt: command.metadata.now },
  });
}
