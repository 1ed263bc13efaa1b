import { bandOf, parameterOf } from '../fidelity-anchors';
import { activeOn, Dated, isInScope, ParticipantFacts, specialistOf } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope } from '../fidelity-period';
import { percent } from '../fidelity-score';

const MEASURED =
  'participants on a caseload on the last day of the period and the treatment team of their latest TreatmentTeamLinked; a specialist’s attached teams are taken to be their most frequent ones (attachment itself is not recorded), so a caseload spread over 3 or more teams shows as a lower share';

type Link = Dated & { readonly teamName: string };

/** What a specialist's caseload gives: its size, its treatment teams, and (for drivers) each participant's link. */
interface Caseload {
  size: number;
  readonly teams: Map<string, number>;
  readonly members: { readonly participantId: string; readonly enrolment: string; readonly link: Link | null }[];
}

/** O1: each specialist attached to at most two treatment teams, and the caseload coming from them, one participant at a time. */
export function teamAssignmentTally(scope: Scope, withDrivers = true): Tally {
  const asOf = scope.period.to;
  const attachedCount = parameterOf('O1', 'attachedTeams');
  const bySpecialist = new Map<string, Caseload>();
  let active = 0;
  let linked = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope) || !activeOn(facts, asOf)) return;
      active++;
      const link = facts.treatmentTeams.filter((entry) => entry.on <= asOf).at(-1) ?? null;
      if (link !== null) linked++;
      const specialist = specialistOf(facts);
      const caseload = bySpecialist.get(specialist) ?? { size: 0, teams: new Map<string, number>(), members: [] };
      bySpecialist.set(specialist, caseload);
      caseload.size++;
      if (link !== null) caseload.teams.set(link.teamName, (caseload.teams.get(link.teamName) ?? 0) + 1);
      if (withDrivers) caseload.members.push({ participantId: facts.participantId, enrolment: facts.enrolment?.eventId ?? '', link });
    },
    result() {
      if (active === 0) return unscored(`no participant is on a caseload on ${asOf}`, { asOf, measured: MEASURED });
      const drivers: Driver[] = [];
      let fromAttached = 0;
      const perSpecialist = [...bySpecialist].map(([specialist, caseload]) => {
        const attached = [...caseload.teams]
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
          .slice(0, attachedCount)
          .map(([team]) => team);
        const own = attached.reduce((sum, team) => sum + (caseload.teams.get(team) ?? 0), 0);
        fromAttached += own;
        for (const { participantId, enrolment, link } of caseload.members) {
          drivers.push({
            participantId,
            eventIds: [enrolment, ...(link ? [link.eventId] : [])],
            detail: link
              ? `${link.teamName}${attached.includes(link.teamName) ? '' : `, not one of ${specialist}'s attached teams`}`
              : 'no treatment team linked',
          });
        }
        return { specialist, caseload: caseload.size, teams: Object.fromEntries(caseload.teams), attachedTeams: attached, fromAttachedTeams: own };
      });
      const figures = {
        asOf,
        measured: MEASURED,
        activeParticipants: active,
        linkedToTreatmentTeam: linked,
        fromAttachedTeams: fromAttached,
        fromAttachedTeamsPercent: percent(fromAttached, active),
        perSpecialist,
      };
      if (linked === 0) return { score: 1, figures: { ...figures, reading: bandOf('O1', 1).text }, drivers };
      return scoredBy('O1', figures, drivers);
    },
  };
}

/** O1: each specialist attached to at most two treatment teams, and the caseload coming from them. */
export const teamAssignment = computedOver(teamAssignmentTally);
