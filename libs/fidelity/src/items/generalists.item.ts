import { parameterOf } from '../fidelity-anchors';
import { datedIn, isInScope, ParticipantFacts, Phase, PHASES, specialistOf } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope } from '../fidelity-period';
import { percent } from '../fidelity-score';

const MEASURED =
  'per phase, the work recorded in the period by an employment specialist (token role), and how much of it was recorded by the participant’s own specialist (named in the enrolment); work recorded by caseworkers, supervisors or employers says nothing about who did it and is left out. Phases: intake = enrolment and the first career profile (written from the first meetings); engagement = contacts with the participant, action plans; assessment = career profiles; job development = employer contacts; job support = job starts and terms changes; follow-along = follow-along contacts';

interface PhaseCount {
  attributed: number;
  byOwnSpecialist: number;
  unattributed: number;
}

/** S3: whether the participant's own specialist does every phase of the work, one participant at a time. */
export function generalistsTally(scope: Scope, withDrivers = true): Tally {
  const share = parameterOf('S3', 'phaseShare');
  const counts = new Map<Phase, PhaseCount>(PHASES.map((phase) => [phase, { attributed: 0, byOwnSpecialist: 0, unattributed: 0 }]));
  const drivers: Driver[] = [];
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      const own = specialistOf(facts);
      const byOthers = [];
      for (const work of datedIn(facts.phaseWork, scope.period)) {
        const count = counts.get(work.phase) as PhaseCount;
        if (work.role !== 'employment-specialist') {
          count.unattributed++;
          continue;
        }
        count.attributed++;
        if (work.sub === own) count.byOwnSpecialist++;
        else byOthers.push(work);
      }
      if (withDrivers && byOthers.length > 0) {
        drivers.push({
          participantId: facts.participantId,
          eventIds: byOthers.map((work) => work.eventId),
          detail: `${[...new Set(byOthers.map((work) => `${work.phase} by ${work.sub}`))].join(', ')}; own specialist ${own}`,
        });
      }
    },
    result() {
      const phases = PHASES.map((phase) => {
        const count = counts.get(phase) as PhaseCount;
        const ownPercent = count.attributed > 0 ? percent(count.byOwnSpecialist, count.attributed) : null;
        return { phase, ...count, ownPercent, bySameSpecialist: ownPercent !== null && ownPercent >= share * 100 };
      });
      const unseen = phases.filter((phase) => phase.attributed === 0).map((phase) => phase.phase);
      const figures = {
        measured: MEASURED,
        phasesObserved: PHASES.length - unseen.length,
        phasesBySameSpecialist: phases.filter((phase) => phase.bySameSpecialist).length,
        phases,
      };
      if (unseen.length > 0) {
        return unscored(`no work recorded by an employment specialist in the period for: ${unseen.join(', ')}`, figures, drivers);
      }
      return scoredBy('S3', figures, drivers);
    },
  };
}

/** S3: whether the participant's own specialist does every phase of the work. */
export const generalists = computedOver(generalistsTally);
