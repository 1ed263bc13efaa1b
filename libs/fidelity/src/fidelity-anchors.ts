/**
 * The IPS-25 fidelity scale as data: one row per item, and for the items computed from events the
 * thresholds per score with their source. A fidelity reviewer corrects a band or a parameter here (and
 * runs `npm run docs:fidelity`); no scoring code changes. docs/fidelity-anchors.md is generated from it.
 */

export const ITEM_IDS = [
  'S1',
  'S2',
  'S3',
  'O1',
  'O2',
  'O3',
  'O4',
  'O5',
  'O6',
  'O7',
  'O8',
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
  'V7',
  'V8',
  'V9',
  'V10',
  'V11',
  'V12',
  'V13',
  'V14',
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export type Score = 1 | 2 | 3 | 4 | 5;

/** What domain.md says about computing the item from events. */
export type FromEvents = 'yes' | 'partly' | 'reviewer';

export interface Band {
  readonly score: Score;
  /** The anchor's words (domain.md's table, or ours where it has none). */
  readonly text: string;
  /** The key figure's limit for this score; null: no limit (the lowest score, or a text-only band). */
  readonly bound: number | null;
  /** False where domain.md marks the row ~: not confirmed against the scale's own text. */
  readonly confirmed: boolean;
}

/**
 * How the key figure maps to a score. `at-most`: lower is better, the best band whose bound the figure does
 * not exceed. `at-least`: higher is better, the best band whose bound the figure reaches. `criteria`: the
 * bands are rungs checked in code with the item's parameters.
 */
export interface Scale {
  readonly kind: 'at-most' | 'at-least' | 'criteria';
  readonly figure: string;
  readonly unit: string;
  /** Scores 5, 4, 3, 2, 1 in this order. */
  readonly bands: readonly Band[];
}

/** A number the scoring code needs that is not a band limit (a window, a share); correctable like a band. */
export interface Parameter {
  readonly value: number;
  readonly meaning: string;
  readonly confirmed: boolean;
}

export interface FidelityAnchor {
  readonly id: ItemId;
  readonly name: string;
  /** domain.md's short description of a 5. */
  readonly score5: string;
  readonly fromEvents: FromEvents;
  /** Whether this platform computes the score; when not, `notComputed` says why. */
  readonly computed: boolean;
  readonly notComputed?: string;
  readonly scale?: Scale;
  readonly parameters?: Readonly<Record<string, Parameter>>;
  readonly source: string;
}

const DOMAIN = 'domain.md, IPS-25 scale and its scoring anchors';
const OURS = 'this platform: domain.md gives only the score-5 description';

type Row = readonly [text: string, bound: number | null, confirmed: boolean];

const scale = (kind: Scale['kind'], figure: string, unit: string, rows: readonly [Row, Row, Row, Row, Row]): Scale => ({
  kind,
  figure,
  unit,
  bands: rows.map(([text, bound, confirmed], index) => ({ score: (5 - index) as Score, text, bound, confirmed })),
});

const reviewer = (id: ItemId, name: string, score5: string, fromEvents: FromEvents, notComputed: string): FidelityAnchor => ({
  id,
  name,
  score5,
  fromEvents,
  computed: false,
  notComputed,
  source: DOMAIN,
});

export const FIDELITY_ANCHORS: readonly FidelityAnchor[] = [
  {
    id: 'S1',
    name: 'caseload',
    score5: '≤20 active participants per full-time specialist',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-most', 'participantsPerSpecialist', 'active participants per specialist', [
      ['≤20', 20, true],
      ['21–25', 25, true],
      ['26–30', 30, true],
      ['31–40', 40, true],
      ['≥41', null, true],
    ]),
    source: DOMAIN,
  },
  {
    ...reviewer(
      'S2',
      'vocational staff only',
      '≥96% of specialist time on employment work',
      'partly',
      'how specialists spend their time is not recorded in any event',
    ),
    scale: scale('at-least', 'employmentWorkPercent', '% of specialist time', [
      ['≥96', 96, true],
      ['90–95', 90, true],
      ['75–89', 75, true],
      ['60–74', 60, true],
      ['<60', null, true],
    ]),
  },
  {
    id: 'S3',
    name: 'generalists',
    score5: 'the same specialist does every phase for a participant',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'phasesBySameSpecialist', 'of 6 phases: intake, engagement, assessment, job development, job support, follow-along', [
      ['all 6', 6, true],
      ['5', 5, false],
      ['1–4', 1, true],
      ['caseload, refers services out (no phase by the participant’s own specialist)', 0, true],
      ['refers all out (a specialist without a caseload leaves no events: not seen here)', null, true],
    ]),
    parameters: {
      phaseShare: {
        value: 0.9,
        meaning:
          'a phase is done by the same specialist when at least this share of its work recorded by employment specialists was recorded by the participant’s own',
        confirmed: false,
      },
    },
    source: DOMAIN,
  },
  {
    id: 'O1',
    name: 'team assignment',
    score5: 'specialist attached to ≤2 treatment teams, ≥90% of caseload from them',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'fromAttachedTeamsPercent', '% of active caseload from the specialist’s ≤2 treatment teams', [
      ['90–100', 90, true],
      ['75–89', 75, false],
      ['50–74', 50, false],
      ['≥3 teams or <50%', 0, false],
      ['separate programme (no active participant linked to a treatment team)', null, false],
    ]),
    parameters: {
      attachedTeams: { value: 2, meaning: 'treatment teams a specialist counts as attached to: their most frequent ones', confirmed: true },
    },
    source: DOMAIN,
  },
  reviewer(
    'O2',
    'team contact',
    'specialist in weekly treatment-team meetings with shared decisions',
    'partly',
    'integration meetings are recorded per participant, but whether they are the weekly team meeting with shared decisions needs a reviewer',
  ),
  {
    ...reviewer(
      'O3',
      'contact with welfare caseworker',
      'scheduled meetings and frequent client contacts',
      'yes',
      'no event records a meeting or contact between the employment specialist and the welfare caseworker (ParticipantEnrolled names the caseworker, nothing records their meetings)',
    ),
    scale: scale('criteria', 'meetings', 'specialist ↔ caseworker meetings and contacts', [
      ['meetings monthly and weekly contact', null, true],
      ['meetings quarterly or weekly contact', null, false],
      ['monthly', null, false],
      ['quarterly', null, false],
      ['< quarterly', null, false],
    ]),
  },
  reviewer('O4', 'vocational unit', '≥2 specialists + leader, weekly group supervision', 'partly', 'group supervision is not recorded'),
  reviewer('O5', 'supervisor', '≤10 specialists, weekly supervision, outcome reviews', 'partly', 'supervision and outcome reviews are not recorded'),
  reviewer(
    'O6',
    'zero exclusion',
    'no referral refused except by the participant’s own choice',
    'partly',
    'referrals cannot be refused here by construction, but who is never referred needs a reviewer',
  ),
  reviewer('O7', 'agency focus on work', '', 'reviewer', 'scored by a fidelity reviewer'),
  reviewer('O8', 'executive support', '', 'reviewer', 'scored by a fidelity reviewer'),
  {
    id: 'V1',
    name: 'benefits planning',
    score5: 'offered before every job start and when hours/pay change',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'counselledPercent', '% of job starts and terms changes with benefits counselling', [
      ['every job start and terms change (100%)', 100, false],
      ['≥75%', 75, false],
      ['≥50%', 50, false],
      ['≥25%', 25, false],
      ['<25%', null, false],
    ]),
    parameters: {
      termsChangeDays: {
        value: 30,
        meaning: 'counselling within this many days before or after a terms change’s effective date counts for it',
        confirmed: false,
      },
    },
    source: OURS,
  },
  reviewer(
    'V2',
    'disclosure',
    'informed choice about what the employer is told',
    'reviewer',
    'the decision is logged (ConsentGiven.employerDisclosure); whether the choice was informed needs a reviewer',
  ),
  reviewer('V3', 'work-based assessment', 'ongoing, in real jobs, no tests before search', 'reviewer', 'scored by a fidelity reviewer'),
  {
    id: 'V4',
    name: 'rapid job search',
    score5: 'first employer contact ≤30 days after entry',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-most', 'meanDays', 'mean days from enrolment to first face-to-face employer contact', [
      ['≤30', 30, true],
      ['31–60', 60, false],
      ['61–150', 150, false],
      ['151–270', 270, false],
      ['≥271', null, false],
    ]),
    source: DOMAIN,
  },
  reviewer(
    'V5',
    'individual job search',
    'contacts follow the participant’s preferences',
    'partly',
    'job preferences and employer contacts are free text and ids; matching them needs a reviewer',
  ),
  {
    id: 'V6',
    name: 'employer contacts',
    score5: '≥6 face-to-face employer contacts per specialist per week',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'perSpecialistPerWeek', 'face-to-face employer contacts per specialist per week', [
      ['≥6', 6, false],
      ['5', 5, false],
      ['4', 4, false],
      ['2', 2, false],
      ['<2', null, false],
    ]),
    source: DOMAIN,
  },
  reviewer('V7', 'quality of employer contact', '', 'reviewer', 'scored by a fidelity reviewer'),
  {
    id: 'V8',
    name: 'job diversity',
    score5: 'participants get different kinds of jobs',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'differentTypesPercent', '% of jobs of different types', [
      ['85–100', 85, false],
      ['70–84', 70, false],
      ['60–69', 60, false],
      ['50–59', 50, false],
      ['<50', null, false],
    ]),
    source: DOMAIN,
  },
  {
    id: 'V9',
    name: 'employer diversity',
    score5: '≤15% of participants with the same employer',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'differentEmployersPercent', '% of jobs with different employers', [
      ['85–100', 85, false],
      ['70–84', 70, false],
      ['60–69', 60, false],
      ['50–59', 50, false],
      ['<50', null, false],
    ]),
    source: DOMAIN,
  },
  {
    id: 'V10',
    name: 'competitive jobs',
    score5: 'ordinary permanent jobs at ordinary wages',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'competitivePercent', '% of jobs that are competitive', [
      ['≥95', 95, false],
      ['90–94', 90, false],
      ['75–89', 75, false],
      ['64–74', 64, false],
      ['<64', null, false],
    ]),
    source: DOMAIN,
  },
  reviewer('V11', 'individual follow-along', '', 'reviewer', 'scored by a fidelity reviewer'),
  {
    id: 'V12',
    name: 'time-unlimited follow-along',
    score5: 'contact within days of start, weekly first month, then monthly',
    fromEvents: 'yes',
    computed: true,
    scale: scale('criteria', 'followedFourMonthsPercent', '% of workers followed along for ≥4 months', [
      ['before start, ≤3 days after, weekly month 1, monthly ≥1 year, ≤3 days after a job loss', null, false],
      ['weekly month 1, then monthly ≥1 year', null, false],
      ['≥half of workers for ≥4 months', null, false],
      ['<half of workers for ≥4 months', null, false],
      ['none after month 1', null, false],
    ]),
    parameters: {
      typicalShare: {
        value: 0.8,
        meaning: 'a practice counts for scores 4 and 5 when it holds for at least this share of the workers it can be checked for',
        confirmed: false,
      },
      daysAfterStart: { value: 3, meaning: 'days after the first working day for the first contact', confirmed: false },
      daysAfterJobLoss: { value: 3, meaning: 'days after the last working day for a contact with the participant', confirmed: false },
      fourMonthsDays: {
        value: 120,
        meaning: 'followed ≥4 months: a contact in the fourth month or later (checked once a job has lasted this long)',
        confirmed: false,
      },
      halfShare: { value: 0.5, meaning: 'share of workers followed ≥4 months for a 3', confirmed: false },
      yearDays: { value: 365, meaning: 'monthly follow-along is checked for every full month observed up to this many days after start', confirmed: false },
    },
    source: DOMAIN,
  },
  {
    id: 'V13',
    name: 'community-based',
    score5: '≥65% of specialist time out in the community',
    fromEvents: 'yes',
    computed: true,
    scale: scale('at-least', 'inCommunityPercent', '% of contacts with participants held in the community', [
      ['≥65', 65, true],
      ['50–64', 50, false],
      ['40–49', 40, false],
      ['30–39', 30, false],
      ['<30', null, false],
    ]),
    source: DOMAIN,
  },
  reviewer(
    'V14',
    'assertive outreach',
    'no discharge for missed appointments, outreach logged',
    'partly',
    'discharge for missed appointments is refused by construction; whether outreach follows missed contacts needs a reviewer',
  ),
];

export function anchorOf(id: ItemId): FidelityAnchor {
  const anchor = FIDELITY_ANCHORS.find((candidate) => candidate.id === id);
  if (!anchor) throw new Error(`no fidelity anchor for ${id}`);
  return anchor;
}

/** A computed item's scale; the table guarantees one (a unit test checks it). */
export function scaleOf(id: ItemId): Scale {
  const found = anchorOf(id).scale;
  if (!found) throw new Error(`fidelity item ${id} has no scale`);
  return found;
}

export function parameterOf(id: ItemId, name: string): number {
  const parameter = anchorOf(id).parameters?.[name];
  if (!parameter) throw new Error(`fidelity item ${id} has no parameter ${name}`);
  return parameter.value;
}

/** The band of a computed score: for criteria scales the rung reached, for the others the figure's band. */
export function bandOf(id: ItemId, score: Score): Band {
  return scaleOf(id).bands.find((band) => band.score === score) as Band;
}
