import { SharedEvent } from '@ips/contracts';
import { EMPLOYMENT_RATE_BENCHMARKS, OutcomeTally, Outcomes, Quarter, outcomesOf, tallyOfEvents } from '../outcomes/outcomes';
import {
  Cell,
  Hidden,
  Identity,
  SMALL_CELL,
  SMALL_CELL_THRESHOLD,
  SUPPRESSED,
  Shown,
  shownCount,
  shownMean,
  shownRate,
  subsetTotalHidden,
  suppressCells,
} from './small-cells';

/** A team as the figures name it: no member, no participant. */
export interface TeamLabel {
  readonly teamId: string;
  readonly name: string;
  readonly municipality: string;
}

/** One team's participants: each one's shared events, in timeline order (who they are is not needed). */
export interface TeamEvents {
  readonly team: TeamLabel;
  readonly participants: readonly (readonly SharedEvent[])[];
}

/** The outcome figures of one team, or of all of them, as a coordinator may see them. */
export interface OutcomeColumn {
  readonly participantsServed: Shown;
  readonly participantsEmployed: Shown;
  readonly employmentRate: Shown | null;
  readonly band: Outcomes['band'] | Hidden;
  readonly jobStarts: { readonly first: Shown; readonly later: Shown };
  readonly medianDaysToFirstJob: Shown | null;
  readonly medianLongestJobTenureDays: Shown | null;
  readonly steadyWorkers: Shown;
  readonly steadyWorkerRate: Shown | null;
  readonly averageHoursPerWeek: Shown | null;
  readonly averageHourlyWage: Shown | null;
  readonly medianLengthOfStayDays: Shown | null;
}

export interface TeamOutcomes extends TeamLabel, OutcomeColumn {}

export interface SuppressionNote {
  readonly threshold: number;
  readonly smallCell: typeof SMALL_CELL;
  readonly secondary: typeof SUPPRESSED;
  readonly rule: string;
}

export interface ProgrammeOutcomes {
  readonly quarter: string;
  readonly benchmarks: typeof EMPLOYMENT_RATE_BENCHMARKS;
  readonly suppression: SuppressionNote;
  readonly teams: readonly TeamOutcomes[];
  /** Every team asked for (every participant of the platform while no team is defined). */
  readonly total: OutcomeColumn & { readonly teams: number };
}

export const SUPPRESSION_NOTE: SuppressionNote = {
  threshold: SMALL_CELL_THRESHOLD,
  smallCell: SMALL_CELL,
  secondary: SUPPRESSED,
  rule: 'a count of 1–4 participants is shown as "<5", and so is a rate, mean or median computed over 1–4; where a total would give a hidden cell back by subtraction, the next smallest cell is hidden too ("suppressed"), and so is a rate that would give it back; 0 is shown; null: nothing to compute over',
};

/** The counts behind one column: the outcomes, and the bases of the medians the outcomes do not count themselves. */
interface Counted {
  readonly outcomes: Outcomes;
  /** Served participants who had a job by the end of their follow-up (the base of the longest-job median). */
  readonly hadJob: number;
  /** Participants discharged in the quarter (the base of the length-of-stay median). */
  readonly discharged: number;
}

const countedOf = (tally: OutcomeTally, quarter: Quarter): Counted => ({
  outcomes: outcomesOf(tally, quarter),
  hadJob: tally.longestTenures.length,
  discharged: tally.lengthsOfStay.length,
});

/** One team's served participants of the quarter, tallied. */
export interface TeamTally {
  readonly team: TeamLabel;
  readonly tally: OutcomeTally;
}

const TOTAL = 'total';
/** The total of the teams asked for, when that is not every team. */
const SUBSET = 'subset';
/** The additive counts of a column; `notEmployed` and `notSteady` are never shown but follow from the others. */
const MEASURES = ['served', 'employed', 'notEmployed', 'firstStarts', 'laterStarts', 'steady', 'notSteady'] as const;
type Measure = (typeof MEASURES)[number];
const IMPLICIT: ReadonlySet<Measure> = new Set(['notEmployed', 'notSteady']);

const countsOf = ({ outcomes }: Counted): Record<Measure, number> => ({
  served: outcomes.participantsServed,
  employed: outcomes.participantsEmployed,
  notEmployed: outcomes.participantsServed - outcomes.participantsEmployed,
  firstStarts: outcomes.jobStarts.first,
  laterStarts: outcomes.jobStarts.later,
  steady: outcomes.steadyWorkers,
  notSteady: outcomes.participantsServed - outcomes.steadyWorkers,
});

const cellId = (column: string, measure: Measure): string => `${column}:${measure}`;

/**
 * The cells and identities of an outcomes table: per column, served = employed + not employed and served = steady +
 * not steady; per measure, the total column = the sum of the team columns (each participant is on one team on the
 * quarter's last day, so the counts add up).
 */
export function outcomeCells(columns: ReadonlyMap<string, Record<Measure, number>>): { cells: Cell[]; identities: Identity[] } {
  const cells: Cell[] = [];
  const identities: Identity[] = [];
  for (const [column, counts] of columns) {
    for (const measure of MEASURES) cells.push({ id: cellId(column, measure), value: counts[measure], implicit: IMPLICIT.has(measure) });
    identities.push({ total: cellId(column, 'served'), parts: [cellId(column, 'employed'), cellId(column, 'notEmployed')] });
    identities.push({ total: cellId(column, 'served'), parts: [cellId(column, 'steady'), cellId(column, 'notSteady')] });
  }
  const teams = [...columns.keys()].filter((column) => column !== TOTAL);
  if (teams.length > 0) {
    for (const measure of MEASURES) identities.push({ total: cellId(TOTAL, measure), parts: teams.map((team) => cellId(team, measure)) });
  }
  return { cells, identities };
}

function columnOf(column: string, { outcomes, hadJob, discharged }: Counted, hidden: ReadonlyMap<string, Hidden>): OutcomeColumn {
  const counts = countsOf({ outcomes, hadJob, discharged });
  const shown = (measure: Measure): Shown => shownCount(hidden, cellId(column, measure), counts[measure]);
  const count = (measure: Measure) => ({ value: counts[measure], shown: IMPLICIT.has(measure) ? undefined : shown(measure) });
  const employmentRate = shownRate(outcomes.employmentRate, [count('served'), count('employed'), count('notEmployed')]);
  return {
    participantsServed: shown('served'),
    participantsEmployed: shown('employed'),
    employmentRate,
    band: typeof employmentRate === 'string' ? employmentRate : outcomes.band,
    jobStarts: { first: shown('firstStarts'), later: shown('laterStarts') },
    medianDaysToFirstJob: shownMean(outcomes.medianDaysToFirstJob, counts.firstStarts),
    medianLongestJobTenureDays: shownMean(outcomes.medianLongestJobTenureDays, hadJob),
    steadyWorkers: shown('steady'),
    steadyWorkerRate: shownRate(outcomes.steadyWorkerRate, [count('served'), count('steady'), count('notSteady')]),
    averageHoursPerWeek: shownMean(outcomes.averageHoursPerWeek, counts.employed),
    averageHourlyWage: shownMean(outcomes.averageHourlyWage, counts.employed),
    medianLengthOfStayDays: shownMean(outcomes.medianLengthOfStayDays, discharged),
  };
}

/**
 * The quarter's outcomes per team and for all of them, side by side, with small cells suppressed, from each
 * participant's events (in timeline order). See `programmeOutcomesOf`.
 */
export function programmeOutcomes(
  teams: readonly TeamEvents[],
  quarter: Quarter,
  today: string,
  options: { readonly selected?: ReadonlySet<string>; readonly everyone?: readonly (readonly SharedEvent[])[] } = {},
): ProgrammeOutcomes {
  return programmeOutcomesOf(
    teams.map(({ team, participants }) => ({ team, tally: tallyOfEvents(participants, quarter, today) })),
    quarter,
    { ...(options.selected ? { selected: options.selected } : {}), ...(options.everyone ? { everyone: tallyOfEvents(options.everyone, quarter, today) } : {}) },
  );
}

/**
 * The quarter's outcomes per team and for all of them, side by side, with small cells suppressed. Suppression is
 * decided on the table of every team (`teams`) and the grand total, whatever is asked for, so that answers for
 * different `selected` teams cannot be set against each other; the total of a selection shows only what that table
 * gives anyway (`subsetTotalHidden`). `selected`: the team ids asked for (all when left out). `everyone` is the
 * total's tally when no team is defined (else the teams' together). Pure.
 */
export function programmeOutcomesOf(
  teams: readonly TeamTally[],
  quarter: Quarter,
  options: { readonly selected?: ReadonlySet<string>; readonly everyone?: OutcomeTally } = {},
): ProgrammeOutcomes {
  const perTeam = teams.map(({ team, tally }) => ({ team, counted: countedOf(tally, quarter) }));
  const grand = countedOf(options.everyone ?? OutcomeTally.merge(teams.map(({ tally }) => tally)), quarter);
  const columns = new Map<string, Record<Measure, number>>([
    ...perTeam.map(({ team, counted: c }): [string, Record<Measure, number>] => [team.teamId, countsOf(c)]),
    [TOTAL, countsOf(grand)],
  ]);
  const { cells, identities } = outcomeCells(columns);
  const hidden = suppressCells(cells, identities);
  const selected = options.selected ?? new Set(teams.map((team) => team.team.teamId));
  const shownTeams = perTeam.filter(({ team }) => selected.has(team.teamId));
  const total = (): OutcomeColumn & { teams: number } => {
    if (shownTeams.length === perTeam.length) return { teams: shownTeams.length, ...columnOf(TOTAL, grand, hidden) };
    const subset = countedOf(OutcomeTally.merge(teams.filter(({ team }) => selected.has(team.teamId)).map(({ tally }) => tally)), quarter);
    const counts = countsOf(subset);
    const own = MEASURES.filter((measure) => !IMPLICIT.has(measure)).map((measure) => ({ id: cellId(SUBSET, measure), name: measure, value: counts[measure] }));
    const subsetHidden = subsetTotalHidden(
      own,
      [...columns.keys()].filter((column) => column !== TOTAL),
      selected,
      TOTAL,
      hidden,
      (column, name) => cellId(column, name as Measure),
    );
    return { teams: shownTeams.length, ...columnOf(SUBSET, subset, subsetHidden) };
  };
  return {
    quarter: quarter.label,
    benchmarks: EMPLOYMENT_RATE_BENCHMARKS,
    suppression: SUPPRESSION_NOTE,
    teams: shownTeams.map(({ team, counted: c }) => ({
      teamId: team.teamId,
      name: team.name,
      municipality: team.municipality,
      ...columnOf(team.teamId, c, hidden),
    })),
    total: total(),
  };
}
