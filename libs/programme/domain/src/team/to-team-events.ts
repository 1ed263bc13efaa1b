import { KnownTeamEvent, TeamEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ProgrammeTeamEvent } from './team.events';

type Envelope = Pick<TeamEvent, 'id' | 'recordedBy'>;

/** What every service learns of a team (the published language): its definition and who is on it from when. */
export function teamToShared(event: ProgrammeTeamEvent, envelope: Envelope): KnownTeamEvent[] {
  const header = { ...envelope, version: 1, source: 'programme', teamId: event.data.teamId } as const;
  switch (event.type) {
    case 'TeamDefined': {
      const { name, municipality, timeZone, definedAt } = event.data;
      return [{ ...header, type: 'TeamDefined', occurredAt: definedAt, data: { name, municipality, timeZone } }];
    }
    case 'TeamMemberAdded': {
      const { sub, displayName, agency, role, from, addedAt } = event.data;
      return [{ ...header, type: 'TeamMemberAdded', occurredAt: addedAt, data: { sub, displayName, agency, role, from } }];
    }
    case 'TeamMembershipEnded': {
      const { sub, on, endedAt } = event.data;
      return [{ ...header, type: 'TeamMembershipEnded', occurredAt: endedAt, data: { sub, on } }];
    }
    default:
      return assertNever(event);
  }
}
