import { SharedEvent } from '@ips/contracts';
import { Fidelity, FigureValue, Figures, ItemId, ParticipantFacts, Period, Score, factsOf, fidelityTally } from '@ips/fidelity';
import { TeamLabel, SUPPRESSION_NOTE, SuppressionNote } from './programme-outcomes';
import {
  Cell,
  Hidden,
  Identity,
  SMALL_CELL,
  SUPPRESSED,
  Shown,
  isSmall,
  shownCount,
  shownMean,
  shownRate,
  subsetTotalHidden,
  suppressCells,
} from './small-cells';

/**
 * The figures of each computed item a coordinator sees, and what they are: a count of participants (or of their jobs
 * and contacts: few of them can be one person) is a cell, suppressed when 1–4; a rate is shown only when the counts
 * it is read from are; a mean over fewer than 5 is "<5"; a plain figure (specialists, weeks, phases, employer visits)
 * counts no participant and is shown. Nothing else of an item's figures is shown: no per-specialist or per-phase
 * breakdown (nor the largest caseload: with the others it gives one specialist's, and so a team's, count back), no job
 * titles or treatment-team names, no drivers. A specialist's attached treatment teams are counted as if they added up
 * across teams (they do unless a specialist works for two teams), so the total cannot give a hidden team's back.
 */
type Spec =
  /** A count: cell `cell` (shared by items that count the same thing); it adds up across teams. */
  | { readonly kind: 'count'; readonly cell?: string }
  /** A rate from these counts (figure names of the item) and counts read from the figures that are not shown. */
  | { readonly kind: 'rate'; readonly of: readonly string[]; readonly unshown?: (figures: Figures) => number[] }
  | { readonly kind: 'mean'; readonly over: (figures: Figures) => number }
  | { readonly kind: 'plain' };

interface ItemSpec {
  readonly figures: Readonly<Record<string, Spec>>;
  /**
   * The participants (or their jobs, contacts) the score is read from: over 1–4 the score is "<5" too, for its band
   * with a count under 5 can give the count back (1 job type of 2 jobs is the only way to score 50–59 %).
   */
  readonly base?: (figures: Figures) => number;
  /** Counts never shown that follow from shown ones (a complement): name → value. They add up across teams. */
  readonly implicit?: Readonly<Record<string, (figures: Figures) => number>>;
  /** Within one column: `total` = sum of `parts` (figure or implicit names). */
  readonly identities?: readonly { readonly total: string; readonly parts: readonly string[] }[];
}

const num = (value: FigureValue | undefined): number => (typeof value === 'number' ? value : 0);
const at = (figures: Figures, ...path: string[]): number => {
  let value: FigureValue | undefined = figures;
  for (const key of path)
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, FigureValue>)[key] : undefined;
  return num(value);
};
const count = (cell?: string): Spec => ({ kind: 'count', ...(cell ? { cell } : {}) });
/**
 * A count that does not add up across teams (distinct job types or employers): "<5" when 1–4 (one job type for all
 * says what each of them does), and hidden with the counts it is bounded by.
 */
const boundedBy = (figure: string, ...of: string[]): Spec => ({ kind: 'rate', of, unshown: (f) => [num(f[figure])] });
const plain: Spec = { kind: 'plain' };

export const ITEM_FIGURES: Partial<Readonly<Record<ItemId, ItemSpec>>> = {
  S1: {
    base: (f) => at(f, 'activeParticipants'),
    figures: {
      activeParticipants: count('activeParticipants'),
      specialists: plain,
      participantsPerSpecialist: { kind: 'rate', of: ['activeParticipants'] },
    },
  },
  S3: { figures: { phasesObserved: plain, phasesBySameSpecialist: plain } },
  O1: {
    base: (f) => at(f, 'activeParticipants'),
    figures: {
      activeParticipants: count('activeParticipants'),
      linkedToTreatmentTeam: count(),
      fromAttachedTeams: count(),
      fromAttachedTeamsPercent: {
        kind: 'rate',
        of: ['activeParticipants', 'fromAttachedTeams'],
        unshown: (f) => [at(f, 'activeParticipants') - at(f, 'fromAttachedTeams')],
      },
    },
    implicit: {
      notLinked: (f) => at(f, 'activeParticipants') - at(f, 'linkedToTreatmentTeam'),
      notFromAttached: (f) => at(f, 'activeParticipants') - at(f, 'fromAttachedTeams'),
    },
    identities: [
      { total: 'activeParticipants', parts: ['linkedToTreatmentTeam', 'notLinked'] },
      { total: 'activeParticipants', parts: ['fromAttachedTeams', 'notFromAttached'] },
    ],
  },
  V1: {
    base: (f) => at(f, 'jobStarts') + at(f, 'termsChanges'),
    figures: {
      jobStarts: count(),
      termsChanges: count(),
      counselled: count(),
      counselledPercent: {
        kind: 'rate',
        of: ['counselled', 'jobStarts', 'termsChanges'],
        unshown: (f) => [at(f, 'jobStarts') + at(f, 'termsChanges') - at(f, 'counselled')],
      },
    },
    implicit: {
      triggers: (f) => at(f, 'jobStarts') + at(f, 'termsChanges'),
      notCounselled: (f) => at(f, 'jobStarts') + at(f, 'termsChanges') - at(f, 'counselled'),
    },
    identities: [
      { total: 'triggers', parts: ['jobStarts', 'termsChanges'] },
      { total: 'triggers', parts: ['counselled', 'notCounselled'] },
    ],
  },
  V4: {
    base: (f) => at(f, 'participants'),
    figures: {
      participants: count(),
      stillWaiting: count(),
      meanDays: { kind: 'mean', over: (f) => at(f, 'participants') },
      medianDays: { kind: 'mean', over: (f) => at(f, 'participants') },
    },
    implicit: { reached: (f) => at(f, 'participants') - at(f, 'stillWaiting') },
    identities: [{ total: 'participants', parts: ['stillWaiting', 'reached'] }],
  },
  V6: { figures: { weeks: plain, specialists: plain, faceToFaceContacts: plain, perSpecialistPerWeek: plain } },
  V8: {
    base: (f) => at(f, 'jobs'),
    figures: {
      jobs: count('jobs'),
      jobTypes: boundedBy('jobTypes', 'jobs'),
      differentTypesPercent: { kind: 'rate', of: ['jobs'], unshown: (f) => [at(f, 'jobTypes')] },
    },
  },
  V9: {
    base: (f) => at(f, 'jobs'),
    figures: {
      jobs: count('jobs'),
      employers: boundedBy('employers', 'jobs'),
      differentEmployersPercent: { kind: 'rate', of: ['jobs'], unshown: (f) => [at(f, 'employers')] },
      largestEmployerSharePercent: { kind: 'rate', of: ['jobs'], unshown: (f) => [Math.round((at(f, 'largestEmployerSharePercent') * at(f, 'jobs')) / 100)] },
    },
  },
  V10: { base: (f) => at(f, 'jobs'), figures: { jobs: count('jobs'), competitivePercent: { kind: 'rate', of: ['jobs'] } } },
  V12: {
    base: (f) => at(f, 'jobs'),
    figures: {
      jobs: count('jobs'),
      followedFourMonthsPercent: {
        kind: 'rate',
        of: ['jobs'],
        unshown: (f) => [
          at(f, 'criteria', 'fourMonths', 'checked'),
          at(f, 'criteria', 'fourMonths', 'met'),
          at(f, 'criteria', 'fourMonths', 'checked') - at(f, 'criteria', 'fourMonths', 'met'),
        ],
      },
    },
  },
  V13: {
    base: (f) => at(f, 'contacts'),
    figures: {
      contacts: count(),
      inCommunity: count(),
      inCommunityPercent: { kind: 'rate', of: ['contacts', 'inCommunity'], unshown: (f) => [at(f, 'contacts') - at(f, 'inCommunity')] },
    },
    implicit: { elsewhere: (f) => at(f, 'contacts') - at(f, 'inCommunity') },
    identities: [{ total: 'contacts', parts: ['inCommunity', 'elsewhere'] }],
  },
};

export interface CoordinatorItem {
  readonly item: ItemId;
  readonly name: string;
  /** "<5": read from 1–4 participants (or jobs, contacts); then the anchor and the reason are left out too. */
  readonly score: Score | typeof SMALL_CELL | null;
  readonly anchor: { readonly text: string; readonly confirmed: boolean } | null;
  readonly reason?: string;
  readonly figures: Readonly<Record<string, Shown | null>>;
}

export interface FidelityColumn {
  readonly items: readonly CoordinatorItem[];
  /** Of the items computed from events: how many have a score, and their sum ("suppressed" when a score is "<5": it would give it back). */
  readonly scoredItems: number | typeof SUPPRESSED;
  readonly computedTotal: number | typeof SUPPRESSED;
}

export interface TeamFidelity extends TeamLabel, FidelityColumn {}

export interface ProgrammeFidelity {
  readonly period: Period;
  readonly suppression: SuppressionNote;
  readonly teams: readonly TeamFidelity[];
  readonly total: FidelityColumn & { readonly teams: number };
}

const TOTAL = 'total';
/** The total of the teams asked for, when that is not every team. */
const SUBSET = 'subset';
/** The cell a count of an item is in (`activeParticipants` and `jobs` are the same count in several items). */
const cellName = (item: ItemId, figure: string, spec?: Spec): string => (spec?.kind === 'count' && spec.cell ? spec.cell : `${item}.${figure}`);
const cellId = (column: string, name: string): string => `${column}:${name}`;

/** The cells and identities of every computed item's counts, over these columns (team ids and `total`). */
export function fidelityCells(columns: ReadonlyMap<string, Fidelity>): { cells: Cell[]; identities: Identity[] } {
  const cells = new Map<string, Cell>();
  const identities: Identity[] = [];
  const additive = new Set<string>();
  for (const [column, fidelity] of columns) {
    for (const computed of fidelity.items) {
      const spec = ITEM_FIGURES[computed.item];
      if (!spec || computed.source !== 'events') continue;
      for (const [figure, figureSpec] of Object.entries(spec.figures)) {
        if (figureSpec.kind !== 'count') continue;
        const name = cellName(computed.item, figure, figureSpec);
        // A figure an unscored item leaves out is a count of none, and known to be.
        cells.set(cellId(column, name), { id: cellId(column, name), value: num(computed.figures[figure]) });
        additive.add(name);
      }
      for (const [name, valueOf] of Object.entries(spec.implicit ?? {})) {
        const id = cellId(column, `${computed.item}.${name}`);
        cells.set(id, { id, value: valueOf(computed.figures), implicit: true });
        additive.add(`${computed.item}.${name}`);
      }
      const nameOf = (figure: string): string =>
        spec.implicit?.[figure] ? `${computed.item}.${figure}` : cellName(computed.item, figure, spec.figures[figure]);
      for (const { total, parts } of spec.identities ?? []) {
        identities.push({ total: cellId(column, nameOf(total)), parts: parts.map((part) => cellId(column, nameOf(part))) });
      }
    }
  }
  const teams = [...columns.keys()].filter((column) => column !== TOTAL);
  if (teams.length > 0) for (const name of additive) identities.push({ total: cellId(TOTAL, name), parts: teams.map((team) => cellId(team, name)) });
  return { cells: [...cells.values()], identities };
}

function columnOf(column: string, fidelity: Fidelity, hidden: ReadonlyMap<string, Hidden>): FidelityColumn {
  const items = fidelity.items
    .filter((computed) => computed.source === 'events')
    .map((computed): CoordinatorItem => {
      const spec = ITEM_FIGURES[computed.item]?.figures ?? {};
      const shownOf = (figure: string): Shown =>
        shownCount(hidden, cellId(column, cellName(computed.item, figure, spec[figure])), num(computed.figures[figure]));
      const figures: Record<string, Shown | null> = {};
      for (const [figure, figureSpec] of Object.entries(spec)) {
        const raw = computed.figures[figure];
        if (raw === undefined) continue;
        const value = typeof raw === 'number' ? raw : null;
        if (figureSpec.kind === 'count') figures[figure] = shownOf(figure);
        else if (figureSpec.kind === 'plain') figures[figure] = value;
        else if (figureSpec.kind === 'mean') figures[figure] = shownMean(value, figureSpec.over(computed.figures));
        else {
          const counts = [
            ...figureSpec.of.map((name) => ({ value: num(computed.figures[name]), shown: shownOf(name) })),
            ...(figureSpec.unshown?.(computed.figures) ?? []).map((unshown) => ({ value: unshown })),
          ];
          figures[figure] = shownRate(value, counts);
        }
      }
      const base = ITEM_FIGURES[computed.item]?.base?.(computed.figures) ?? 0;
      if (isSmall(base)) return { item: computed.item, name: computed.name, score: SMALL_CELL, anchor: null, figures };
      return {
        item: computed.item,
        name: computed.name,
        score: computed.score,
        anchor: computed.anchor,
        ...(computed.reason === undefined ? {} : { reason: computed.reason }),
        figures,
      };
    });
  if (items.some((item) => item.score === SMALL_CELL)) return { items, scoredItems: SUPPRESSED, computedTotal: SUPPRESSED };
  const scores = items.map((item) => item.score).filter((score): score is Score => typeof score === 'number');
  return { items, scoredItems: scores.length, computedTotal: scores.reduce<number>((sum, score) => sum + score, 0) };
}

export interface TeamParticipantEvents {
  readonly team: TeamLabel;
  readonly participants: ReadonlyMap<string, readonly SharedEvent[]>;
}

/** Every team's items, the grand total's, and the selected teams' total when that is not every team. */
export interface FidelityColumns {
  readonly perTeam: readonly { readonly team: TeamLabel; readonly fidelity: Fidelity }[];
  readonly grand: Fidelity;
  readonly subset: Fidelity | null;
}

/**
 * The columns computed a team at a time: each team's participants' facts are added to the team's tallies, the grand
 * total's and (for a selected team) the subset's, then can be let go. Memory is the tallies (no drivers: the
 * coordinator sees none), the ids of the participants counted in the totals (a participant on two teams counts once
 * in them), and the team at hand. `selected`: the team ids asked for, of `all`; `everyone` below: no team is defined.
 */
export function fidelityColumnsTally(period: Period, all: readonly TeamLabel[], selected: ReadonlySet<string>) {
  const scope = { period, team: null };
  const grand = fidelityTally(scope, false);
  const inGrand = new Set<string>();
  const wantsSubset = all.some((team) => !selected.has(team.teamId));
  const subset = fidelityTally(scope, false);
  const inSubset = new Set<string>();
  const perTeam: { team: TeamLabel; fidelity: Fidelity }[] = [];
  return {
    addTeam(team: TeamLabel, participants: Iterable<ParticipantFacts>): void {
      const own = fidelityTally(scope, false);
      const isSelected = wantsSubset && selected.has(team.teamId);
      for (const facts of participants) {
        own.add(facts);
        if (!inGrand.has(facts.participantId)) {
          inGrand.add(facts.participantId);
          grand.add(facts);
        }
        if (isSelected && !inSubset.has(facts.participantId)) {
          inSubset.add(facts.participantId);
          subset.add(facts);
        }
      }
      perTeam.push({ team, fidelity: own.result() });
    },
    /** While no team is defined: every participant, in batches, for the total alone. */
    addEveryone(participants: Iterable<ParticipantFacts>): void {
      for (const facts of participants) grand.add(facts);
    },
    result(): FidelityColumns {
      return { perTeam, grand: grand.result(), subset: wantsSubset ? subset.result() : null };
    },
  };
}

/**
 * The items computed from events for a period, per team and for all of them, with the figures a coordinator may see
 * (a score as computed, but "<5" when read from 1–4 participants). Suppression is decided on the table of every team
 * and the grand total, whatever is asked for (as for the outcomes); `selected`: the team ids asked for. Pure.
 */
export function programmeFidelityOf(columns: FidelityColumns, period: Period, selected: ReadonlySet<string>): ProgrammeFidelity {
  const { perTeam, grand } = columns;
  const table = new Map<string, Fidelity>([...perTeam.map(({ team, fidelity }): [string, Fidelity] => [team.teamId, fidelity]), [TOTAL, grand]]);
  const { cells, identities } = fidelityCells(table);
  const hidden = suppressCells(cells, identities);
  const shownTeams = perTeam.filter(({ team }) => selected.has(team.teamId));
  const total = (): FidelityColumn & { teams: number } => {
    if (shownTeams.length === perTeam.length || columns.subset === null) return { teams: shownTeams.length, ...columnOf(TOTAL, grand, hidden) };
    const subset = columns.subset;
    const own = fidelityCells(new Map([[SUBSET, subset]]))
      .cells.filter((cell) => !cell.implicit)
      .map((cell) => ({ ...cell, name: cell.id.slice(SUBSET.length + 1) }));
    const teamIds = perTeam.map(({ team }) => team.teamId);
    return { teams: shownTeams.length, ...columnOf(SUBSET, subset, subsetTotalHidden(own, teamIds, selected, TOTAL, hidden, cellId)) };
  };
  return {
    period,
    suppression: SUPPRESSION_NOTE,
    teams: shownTeams.map(({ team, fidelity }) => ({
      teamId: team.teamId,
      name: team.name,
      municipality: team.municipality,
      ...columnOf(team.teamId, fidelity, hidden),
    })),
    total: total(),
  };
}

/**
 * The same from each team's participants' shared events (in timeline order); `everyone` is the total's participants
 * when no team is defined. Pure.
 */
export function programmeFidelity(
  teams: readonly TeamParticipantEvents[],
  period: Period,
  options: { readonly selected?: ReadonlySet<string>; readonly everyone?: ReadonlyMap<string, readonly SharedEvent[]> } = {},
): ProgrammeFidelity {
  const selected = options.selected ?? new Set(teams.map(({ team }) => team.teamId));
  const factsIn = (participants: ReadonlyMap<string, readonly SharedEvent[]>) => [...participants].map(([id, events]) => factsOf(id, events));
  const tally = fidelityColumnsTally(
    period,
    teams.map(({ team }) => team),
    selected,
  );
  for (const { team, participants } of teams) tally.addTeam(team, factsIn(participants));
  if (options.everyone) tally.addEveryone(factsIn(options.everyone));
  return programmeFidelityOf(tally.result(), period, selected);
}
