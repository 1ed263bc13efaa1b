import { ProblemException } from '@ips/http';

/** The languages of the printable reports, as the web app's: norsk bokmål, svenska, English. */
export const REPORT_LANGUAGES = ['nb', 'sv', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const nb = {
  quarterlyTitle: 'IPS-kvartalsrapport',
  allTeams: 'Alle teamene dine',
  caseloadOf: 'deltakerne til {specialist}',
  generated: 'laget {at} UTC fra teamets hendelser',
  outcomes: 'Resultater',
  served: 'Deltakere som har fått oppfølging',
  employed: 'I ordinært arbeid i løpet av kvartalet',
  employmentRate: 'Andel i arbeid',
  benchmarks: 'referanseverdier {minimal} / {average} / {excellent}',
  jobStarts: 'Jobbstarter: første / senere',
  daysToFirstJob: 'Dager fra inntak til første jobb (median)',
  longestJob: 'Dager i den lengste jobben (median)',
  steadyWorkers: 'Stabilt i arbeid (i jobb mer enn halve oppfølgingen)',
  hours: 'Timer per uke (gjennomsnitt)',
  wage: 'Timelønn (gjennomsnitt)',
  lengthOfStay: 'Varighet for dem som er avsluttet (median dager)',
  'band.below-minimal': 'under minimum',
  'band.minimal': 'minimum',
  'band.average': 'middels',
  'band.excellent': 'svært godt',
  fidelityHeading: 'Modelltroskap: punkter beregnet fra hendelser, {from} – {to}',
  item: 'punkt',
  score: 'skår',
  keyFigure: 'nøkkeltall',
  notScored: 'ikke skåret: for lite å bygge på i perioden',
  reviewLatest: 'Siste fullførte gjennomgang ({from} – {to}, fullført {at}):',
  reviewScore: '{total} av 125, {band}',
  reviewFloor: 'Et program må ha minst 74 poeng for å kalle seg IPS.',
  noReview: 'Ingen fullført gjennomgang av modelltroskapen dekker dette kvartalet ennå.',
  'totalBand.exemplary': 'eksemplarisk',
  'totalBand.good': 'god',
  'totalBand.fair': 'akseptabel',
  'totalBand.not-ips': 'ikke IPS',
  'fidelityItem.S1': 'saksmengde',
  'fidelityItem.S3': 'generalister',
  'fidelityItem.O1': 'tilknytning til behandlingsteam',
  'fidelityItem.V1': 'veiledning om ytelser',
  'fidelityItem.V4': 'rask jobbsøking',
  'fidelityItem.V6': 'arbeidsgiverkontakter',
  'fidelityItem.V8': 'variasjon i jobber',
  'fidelityItem.V9': 'variasjon i arbeidsgivere',
  'fidelityItem.V10': 'ordinære jobber',
  'fidelityItem.V12': 'tidsubegrenset oppfølging i jobb',
  'fidelityItem.V13': 'arbeid ute i samfunnet',
  'figure.participantsPerSpecialist': 'deltakere per jobbspesialist',
  'figure.employmentWorkPercent': '% av tiden til arbeidsrettet oppfølging',
  'figure.phasesBySameSpecialist': 'faser gjort av samme jobbspesialist (av 6)',
  'figure.fromAttachedTeamsPercent': '% fra de tilknyttede behandlingsteamene',
  'figure.meetings': 'møter og kontakt med NAV-veileder',
  'figure.counselledPercent': '% med veiledning om ytelser',
  'figure.meanDays': 'dager til første arbeidsgiverkontakt (snitt)',
  'figure.perSpecialistPerWeek': 'arbeidsgiverbesøk per jobbspesialist per uke',
  'figure.differentTypesPercent': '% ulike typer jobber',
  'figure.differentEmployersPercent': '% ulike arbeidsgivere',
  'figure.competitivePercent': '% ordinære jobber',
  'figure.followedFourMonthsPercent': '% fulgt opp i minst fire måneder',
  'figure.inCommunityPercent': '% av kontaktene ute i samfunnet',
  firstJobStarts: 'Første jobbstarter',
  laterJobStarts: 'Senere jobbstarter',
  steadyWorkerRate: 'Andel stabilt i arbeid',
  bandRow: 'Nivå (referanseverdier 31 / 41 / 50 %)',
  fidelity: 'Modelltroskap',
  programmeTitle: 'IPS-resultater på tvers av team',
  programmeMeta: '{teams} team · laget {at} UTC fra teamenes hendelser · bare samletall',
  total: 'Totalt',
  teams: '{n} team',
  measure: 'mål',
  scoredItems: '{total} ({n} punkter)',
  sumOfScores: 'Sum av skårene',
  smallCells:
    '«<5»: færre enn 5 deltakere (1–4), eller et tall regnet ut fra færre enn 5. «{suppressed}»: skjult slik at en «<5» ikke kan regnes ut fra totalen og de andre cellene. Referanseverdier for andelen i arbeid: {minimal} minimum, {average} middels, {excellent} svært godt.',
  suppressed: 'skjult',
  scoresNote: 'Skår 1–5 etter ankrene (docs/fidelity-anchors.md); tallene bak dem, skjult slik resultatene er, finnes i GET /programme/fidelity.',
  notBegun: 'Kvartalet har ikke begynt: ingenting er beregnet ennå.',
} as const;

export type ReportKey = keyof typeof nb;
export type ReportCatalogue = Readonly<Record<ReportKey, string>>;

const sv: ReportCatalogue = {
  quarterlyTitle: 'IPS-kvartalsrapport',
  allTeams: 'Alla dina team',
  caseloadOf: 'deltagarna hos {specialist}',
  generated: 'skapad {at} UTC från teamets händelser',
  outcomes: 'Resultat',
  served: 'Deltagare som fått stöd',
  employed: 'I ordinärt arbete under kvartalet',
  employmentRate: 'Andel i arbete',
  benchmarks: 'riktvärden {minimal} / {average} / {excellent}',
  jobStarts: 'Anställningar: första / senare',
  daysToFirstJob: 'Dagar från inskrivning till första arbete (median)',
  longestJob: 'Dagar i det längsta arbetet (median)',
  steadyWorkers: 'Stabilt i arbete (i arbete mer än halva uppföljningen)',
  hours: 'Timmar per vecka (medelvärde)',
  wage: 'Timlön (medelvärde)',
  lengthOfStay: 'Tid i insatsen för dem som skrivits ut (median dagar)',
  'band.below-minimal': 'under miniminivå',
  'band.minimal': 'miniminivå',
  'band.average': 'medel',
  'band.excellent': 'utmärkt',
  fidelityHeading: 'Programtrohet: punkter beräknade från händelser, {from} – {to}',
  item: 'punkt',
  score: 'poäng',
  keyFigure: 'nyckeltal',
  notScored: 'ej bedömd: för lite underlag under perioden',
  reviewLatest: 'Senaste avslutade granskning ({from} – {to}, avslutad {at}):',
  reviewScore: '{total} av 125, {band}',
  reviewFloor: 'Ett program måste få minst 74 poäng för att kalla sig IPS.',
  noReview: 'Ingen avslutad granskning av programtroheten täcker detta kvartal ännu.',
  'totalBand.exemplary': 'föredömlig',
  'totalBand.good': 'bra',
  'totalBand.fair': 'godtagbar',
  'totalBand.not-ips': 'inte IPS',
  'fidelityItem.S1': 'antal deltagare per handledare',
  'fidelityItem.S3': 'generalister',
  'fidelityItem.O1': 'koppling till behandlingsteam',
  'fidelityItem.V1': 'förmånsrådgivning',
  'fidelityItem.V4': 'snabbt arbetssökande',
  'fidelityItem.V6': 'arbetsgivarkontakter',
  'fidelityItem.V8': 'variation i arbeten',
  'fidelityItem.V9': 'variation i arbetsgivare',
  'fidelityItem.V10': 'ordinära arbeten',
  'fidelityItem.V12': 'tidsobegränsat stöd i arbetet',
  'fidelityItem.V13': 'arbete ute i samhället',
  'figure.participantsPerSpecialist': 'deltagare per IPS-handledare',
  'figure.employmentWorkPercent': '% av tiden på arbetsinriktat stöd',
  'figure.phasesBySameSpecialist': 'faser utförda av samma handledare (av 6)',
  'figure.fromAttachedTeamsPercent': '% från de anknutna behandlingsteamen',
  'figure.meetings': 'möten och kontakt med handläggare',
  'figure.counselledPercent': '% med förmånsrådgivning',
  'figure.meanDays': 'dagar till första arbetsgivarkontakt (medel)',
  'figure.perSpecialistPerWeek': 'arbetsgivarbesök per handledare och vecka',
  'figure.differentTypesPercent': '% olika slags arbeten',
  'figure.differentEmployersPercent': '% olika arbetsgivare',
  'figure.competitivePercent': '% ordinära arbeten',
  'figure.followedFourMonthsPercent': '% med stöd i minst fyra månader',
  'figure.inCommunityPercent': '% av kontakterna ute i samhället',
  firstJobStarts: 'Första anställningar',
  laterJobStarts: 'Senare anställningar',
  steadyWorkerRate: 'Andel stabilt i arbete',
  bandRow: 'Nivå (riktvärden 31 / 41 / 50 %)',
  fidelity: 'Programtrohet',
  programmeTitle: 'IPS-resultat för alla team',
  programmeMeta: '{teams} team · skapad {at} UTC från teamens händelser · endast sammanräknade tal',
  total: 'Totalt',
  teams: '{n} team',
  measure: 'mått',
  scoredItems: '{total} ({n} punkter)',
  sumOfScores: 'Summa poäng',
  smallCells:
    '”<5”: färre än 5 deltagare (1–4), eller ett tal beräknat på färre än 5. ”{suppressed}”: dolt så att en ”<5” inte kan räknas ut från totalen och de andra cellerna. Riktvärden för andelen i arbete: {minimal} miniminivå, {average} medel, {excellent} utmärkt.',
  suppressed: 'dolt',
  scoresNote: 'Poäng 1–5 enligt ankarpunkterna (docs/fidelity-anchors.md); talen bakom dem, dolda som resultaten, finns i GET /programme/fidelity.',
  notBegun: 'Kvartalet har inte börjat: inget är beräknat ännu.',
};

const en: ReportCatalogue = {
  quarterlyTitle: 'IPS quarterly report',
  allTeams: 'All your teams',
  caseloadOf: 'caseload of {specialist}',
  generated: "generated {at} UTC from the team's events",
  outcomes: 'Outcomes',
  served: 'Participants served',
  employed: 'In competitive work during the quarter',
  employmentRate: 'Employment rate',
  benchmarks: 'benchmarks {minimal} / {average} / {excellent}',
  jobStarts: 'Job starts: first / later',
  daysToFirstJob: 'Days from enrolment to first job (median)',
  longestJob: 'Days in the longest job (median)',
  steadyWorkers: 'Steady workers (in work > half of follow-up)',
  hours: 'Hours per week (mean)',
  wage: 'Hourly wage (mean)',
  lengthOfStay: 'Length of stay of those discharged (median days)',
  'band.below-minimal': 'below minimal',
  'band.minimal': 'minimal',
  'band.average': 'average',
  'band.excellent': 'excellent',
  fidelityHeading: 'Fidelity: items computed from events, {from} – {to}',
  item: 'item',
  score: 'score',
  keyFigure: 'key figure',
  notScored: 'not scored: too little to go on in the period',
  reviewLatest: 'Latest completed review ({from} – {to}, completed {at}):',
  reviewScore: '{total} of 125, {band}',
  reviewFloor: 'A programme must score at least 74 to call itself IPS.',
  noReview: 'No completed fidelity review covers this quarter yet.',
  'totalBand.exemplary': 'exemplary',
  'totalBand.good': 'good',
  'totalBand.fair': 'fair',
  'totalBand.not-ips': 'not IPS',
  'fidelityItem.S1': 'caseload',
  'fidelityItem.S3': 'generalists',
  'fidelityItem.O1': 'team assignment',
  'fidelityItem.V1': 'benefits planning',
  'fidelityItem.V4': 'rapid job search',
  'fidelityItem.V6': 'employer contacts',
  'fidelityItem.V8': 'job diversity',
  'fidelityItem.V9': 'employer diversity',
  'fidelityItem.V10': 'competitive jobs',
  'fidelityItem.V12': 'time-unlimited follow-along',
  'fidelityItem.V13': 'community-based',
  'figure.participantsPerSpecialist': 'participants per specialist',
  'figure.employmentWorkPercent': '% of specialist time on employment work',
  'figure.phasesBySameSpecialist': 'phases done by the same specialist (of 6)',
  'figure.fromAttachedTeamsPercent': '% from the attached treatment teams',
  'figure.meetings': 'meetings and contact with the caseworker',
  'figure.counselledPercent': '% with benefits counselling',
  'figure.meanDays': 'days to first employer contact (mean)',
  'figure.perSpecialistPerWeek': 'employer visits per specialist per week',
  'figure.differentTypesPercent': '% different kinds of job',
  'figure.differentEmployersPercent': '% different employers',
  'figure.competitivePercent': '% competitive jobs',
  'figure.followedFourMonthsPercent': '% followed along for at least four months',
  'figure.inCommunityPercent': '% of contacts out in the community',
  firstJobStarts: 'First job starts',
  laterJobStarts: 'Later job starts',
  steadyWorkerRate: 'Steady-worker rate',
  bandRow: 'Band (benchmarks 31 / 41 / 50 %)',
  fidelity: 'Fidelity',
  programmeTitle: 'IPS outcomes across teams',
  programmeMeta: "{teams} teams · generated {at} UTC from the teams' events · aggregates only",
  total: 'Total',
  teams: '{n} teams',
  measure: 'measure',
  scoredItems: '{total} ({n} items)',
  sumOfScores: 'Sum of the scores',
  smallCells:
    '"<5": fewer than 5 participants (1–4), or a figure computed over fewer than 5. "{suppressed}": hidden so that a "<5" cannot be worked out from the total and the other cells. Benchmarks for the employment rate: {minimal} minimal, {average} average, {excellent} excellent.',
  suppressed: 'suppressed',
  scoresNote: 'Scores 1–5 by the anchors (docs/fidelity-anchors.md); the figures behind them, suppressed as the outcomes are, are in GET /programme/fidelity.',
  notBegun: 'The quarter has not begun: nothing computed yet.',
};

export const REPORT_CATALOGUES: Readonly<Record<ReportLanguage, ReportCatalogue>> = { nb, sv, en };

/**
 * Entries that are rightly the same as in norsk bokmål: words the languages share, or a phrase made only of
 * placeholders and figures. Any other entry equal to bokmål's is taken to be untranslated.
 */
export const SAME_AS_NB: Readonly<Record<Exclude<ReportLanguage, 'nb'>, readonly ReportKey[]>> = {
  sv: ['quarterlyTitle', 'item', 'reviewScore', 'fidelityItem.S3', 'total', 'teams', 'scoredItems'],
  en: [],
};

const LOCALES: Readonly<Record<ReportLanguage, string>> = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' };

/** A report's words, numbers and dates in one language. */
export interface ReportText {
  readonly lang: ReportLanguage;
  /** The entry with its `{placeholders}` filled in (values as given: escape them where they go into HTML). */
  t(key: ReportKey, values?: Readonly<Record<string, string | number>>): string;
  number(value: number): string;
  /** A rate (0.444) as a percentage with one decimal. */
  percent(rate: number): string;
  /** A calendar day (YYYY-MM-DD) as the language writes it. */
  date(day: string): string;
  /** An instant as the language writes date and time, in UTC. */
  dateTime(instant: string): string;
}

export function reportText(lang: ReportLanguage): ReportText {
  const catalogue = REPORT_CATALOGUES[lang];
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return {
    lang,
    t: (key, values = {}) => (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    number: (value) => numbers.format(value),
    percent: (rate) => `${numbers.format(Math.round(rate * 1000) / 10)} %`,
    date: (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? dates.format(new Date(`${day}T00:00:00Z`)) : day),
    dateTime: (instant) => (Number.isNaN(Date.parse(instant)) ? instant : dateTimes.format(new Date(instant))),
  };
}

const isReportLanguage = (value: string): value is ReportLanguage => (REPORT_LANGUAGES as readonly string[]).includes(value);

/** Accept-Language's languages by preference: Norwegian of any kind is bokmål's report. */
function fromAcceptLanguage(header: string | undefined): ReportLanguage | null {
  const wanted = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { primary: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { primary } of wanted) {
    const lang = primary === 'no' || primary === 'nn' ? 'nb' : primary;
    if (isReportLanguage(lang)) return lang;
  }
  return null;
}

/**
 * The report's language: `lang` when given (one of nb, sv, en, else 400 REQUEST.INVALID_QUERY), else the first of
 * Accept-Language's that a report is written in, else English. English last, not bokmål: every browser sends
 * Accept-Language and the web app sends `lang`, so only scripts get here, and they had the report in English before
 * it had languages.
 */
export function reportLanguageOf(lang: unknown, acceptLanguage: string | undefined): ReportLanguage {
  if (lang !== undefined) {
    if (typeof lang === 'string' && isReportLanguage(lang)) return lang;
    throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', `lang must be one of ${REPORT_LANGUAGES.join(', ')}`, [
      { field: 'lang', message: `must be one of ${REPORT_LANGUAGES.join(', ')}` },
    ]);
  }
  return fromAcceptLanguage(acceptLanguage) ?? 'en';
}
