import { Slice } from '@ips/command-pipeline';
import { ProgrammeTeamEvent, ProgrammeTeamState, programmeTeamAggregate, teamToShared } from '@ips/programme/domain';

/** Nothing here is a participant's: staff names are the team's, not sealed per person (no `personal` fields). */
export const teamSlice: Slice<ProgrammeTeamState, ProgrammeTeamEvent> = {
  aggregate: programmeTeamAggregate,
  toShared: teamToShared,
};
