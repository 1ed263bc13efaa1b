import { bandOf, parameterOf } from './fidelity-anchors';
import { activeOn, inScope, ParticipantFacts, specialistOf } from './fidelity-facts';
import { Computed, Driver, scoredBy, unscored } from './fidelity-item';
import { Scope } from './fidelity-period';
import { percent } from './fidelity-score';

const MEASURED =
  'participants on a caseload on the last day of the period and the treatment team of their latest TreatmentTeamLinked; a specialist’s attached teams are taken to be their most frequent ones (attachment itself is not recorded), so a caseload spread over 3 or more teams shows as a lower share';

/** O1: each specialist attached to at most two treatment teams, and the caseload coming from them. */
export function teamAssignment(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const asOf = scope.period.to;
  const attachedCount = parameterOf('O1', 'attachedTeams');
  const active = inScope(participants, scope).filter((facts) => activeOn(facts, asOf));
  if (active.length === 0) return unscored(`no participant is on a caseload on ${asOf}`, { asOf, measured: MEASURED });
  const teamOf = (facts: ParticipantFacts) => facts.treatmentTeams.filter((link) => link.on <= asOf).at(-1) ?? null;
  const bySpecialist = new Map<string, ParticipantFacts[]>();
  for (const facts of active) bySpecialist.set(specialistOf(facts), [...(bySpecialist.get(specialistOf(facts)) ?? []), facts]);
  const drivers: Driver[] = [];
  let fromAttached = 0;
  const perSpecialist = [...bySpecialist].map(([specialist, caseload]) => {
    const teams = new Map<string, number>();
    for (const facts of caseload) {
      const team = teamOf(facts)?.teamName;
      if (team !== undefined) teams.set(team, (teams.get(team) ?? 0) + 1);
    }
    const attached = [...teams]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, attachedCount)
      .map(([team]) => team);
    const own = caseload.filter((facts) => attached.includes(teamOf(facts)?.teamName ?? '\u0000'));
    fromAttached += own.length;
    for (const facts of caseload) {
      const link = teamOf(facts);
      drivers.push({
        participantId: facts.participantId,
        eventIds: [facts.enrolment?.eventId ?? '', ...(link ? [link.eventId] : [])],
        detail: link
          ? `${link.teamName}${attached.includes(link.teamName) ? '' : `, not one of ${specialist}'s attached teams`}`
          : 'no treatment team linked',
      });
    }
    return { specialist, caseload: caseload.length, teams: Object.fromEntries(teams), attachedTeams: attached, fromAttachedTeams: own.length };
  });
  const linked = active.filter((facts) => teamOf(facts) !== null).length;
  const figures = {
    asOf,
    measured: MEASURED,
    activeParticipants: active.length,
    linkedToTreatmentTeam: linked,
    fromAttachedTeams: fromAttached,
    fromAttachedTeamsPercent: percent(fromAttached, active.length),
    perSpecialist,
  };
  if (linked === 0) return { score: 1, figures: { ...figures, reading: bandOf('O1', 1).text }, drivers };
  return scoredBy('O1', figures, drivers);
}
