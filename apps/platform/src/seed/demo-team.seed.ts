import { DEMO_STAFF } from '@ips/runtime';
import { addDays, dayIn, wallClock, weekdayOnOrBefore } from './seed-calendar';
import { SettableClock } from './seed-clock';
import { PHASES, Story, YEAR_STARTS, planYear, sequence } from './demo-year.plan';

/** Sends one request as someone of the demo team; resolves to the JSON answer, rejects on anything but 2xx. */
export type Send = (as: SeedActor, method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown) => Promise<Record<string, unknown>>;
export type SeedActor = { readonly sub: string; readonly agency: string; readonly role: string; readonly employerId?: string };

export interface SeedCounts {
  readonly participants: number;
  readonly byPhase: Readonly<Record<string, number>>;
  readonly employers: number;
  /** Every job start of the year, the ones that ended too. */
  readonly placements: number;
  readonly placementsEnded: number;
  /** Relapse-risk flags standing today. */
  readonly relapseFlags: number;
  /** Raised during the year and cleared again. */
  readonly relapseFlagsCleared: number;
  readonly contactRequests: number;
  /** The first day of the year written (the teams' first day), in the teams' time zone. */
  readonly firstDay: string;
  /** Requests sent to the platform. */
  readonly requests: number;
  /** The two IPS teams, by name, with how many participants were referred to each. */
  readonly teams: readonly { readonly teamId: string; readonly name: string; readonly participants: number }[];
}

const staff = (id: string): SeedActor => {
  const user = DEMO_STAFF.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`no demo staff ${id}`);
  return { sub: user.id, agency: user.agency, role: user.role };
};
const nameOf = (id: string): string => DEMO_STAFF.find((candidate) => candidate.id === id)?.name ?? id;

/** The programme's administrator: defines the teams and names their supervisors. */
const ADMINISTRATOR = staff('adm-astrid');

/** One IPS team of the demo: who is on it, and who does what for its participants. */
interface DemoTeam {
  readonly teamId: string;
  readonly name: string;
  readonly municipality: string;
  readonly timeZone: string;
  /** Named by the administrator. */
  readonly supervisors: readonly SeedActor[];
  /** Added by the team's first supervisor. */
  readonly members: readonly SeedActor[];
  readonly specialists: readonly SeedActor[];
  readonly caseworker: SeedActor;
  readonly clinician: SeedActor;
  readonly municipal: SeedActor;
}

/** The teams' ids: the employer contact line's on-call shifts are scheduled on them too. */
export const DEMO_TEAM_IDS = { sentrum: '0193b2c4-1f00-7a00-8000-00000000b001', lerkendal: '0193b2c4-1f00-7a00-8000-00000000b002' } as const;

const SENTRUM: DemoTeam = {
  teamId: DEMO_TEAM_IDS.sentrum,
  name: 'IPS Trondheim sentrum',
  municipality: 'Trondheim',
  timeZone: 'Europe/Oslo',
  supervisors: ['sup-siri', 'sup-dahl', 'sup-moe'].map(staff),
  members: ['es-ingrid', 'es-jonas', 'cw-ola', 'dr-lie', 'mw-nina'].map(staff),
  specialists: ['es-ingrid', 'es-jonas'].map(staff),
  caseworker: staff('cw-ola'),
  clinician: staff('dr-lie'),
  municipal: staff('mw-nina'),
};
const LERKENDAL: DemoTeam = {
  teamId: DEMO_TEAM_IDS.lerkendal,
  name: 'IPS Lerkendal',
  municipality: 'Trondheim',
  timeZone: 'Europe/Oslo',
  supervisors: ['sup-erik'].map(staff),
  members: ['es-amira', 'cw-hanne', 'dr-aune', 'mw-leila'].map(staff),
  specialists: ['es-amira'].map(staff),
  caseworker: staff('cw-hanne'),
  clinician: staff('dr-aune'),
  municipal: staff('mw-leila'),
};
/** Participant i goes to specialist i mod 3: Ingrid and Jonas (sentrum), Amira (Lerkendal). */
const SPECIALISTS: readonly { specialist: SeedActor; team: DemoTeam }[] = [
  { specialist: staff('es-ingrid'), team: SENTRUM },
  { specialist: staff('es-jonas'), team: SENTRUM },
  { specialist: staff('es-amira'), team: LERKENDAL },
];
const SUPERVISOR = staff('sup-siri');

/** A team member as the programme takes one: the display name is what the app shows instead of the login id. */
const member = (person: SeedActor) => ({ sub: person.sub, displayName: nameOf(person.sub), agency: person.agency, role: person.role });

const GIVEN = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sofie',
  'Jonas',
  'Nora',
  'Emil',
  'Sara',
  'Henrik',
  'Maja',
  'Tobias',
  'Ida',
  'Sander',
  'Thea',
  'Magnus',
  'Emma',
  'Mathias',
  'Julie',
  'Kristian',
];
const FAMILY = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Eriksen',
  'Bakken',
  'Solberg',
  'Strand',
  'Lie',
  'Dahl',
];
const REFERRERS = ['DPS Lerkendal, poliklinikk', 'NAV Lerkendal', 'self', 'Fastlege Moholt legesenter', 'DPS Nidaros, team 2'];
const EMPLOYERS = [
  { name: 'Lager Nord AS', organisationNumber: '912345670', jobs: ['Lagermedarbeider', 'Truckfører'] },
  { name: 'Kafé Solsiden', organisationNumber: '923456781', jobs: ['Kafémedarbeider', 'Oppvasker'] },
  { name: 'Trondheim Bydrift', organisationNumber: '934567892', jobs: ['Parkarbeider', 'Renholder'] },
  { name: 'Grønn Hage AS', organisationNumber: '945678903', jobs: ['Gartnerassistent'] },
  { name: 'Byggmakker Moholt', organisationNumber: '956789014', jobs: ['Butikkmedarbeider', 'Lagermedarbeider'] },
  { name: 'Hotell Brattøra', organisationNumber: '967890125', jobs: ['Resepsjonist', 'Romservice'] },
];
const GOALS = ['en fast jobb innen sommeren', 'jobbe 20 timer i uka', 'komme i gang med noe praktisk', 'jobbe med mennesker'];
const PREFERENCES = ['lager', 'butikk', 'kafé', 'utendørs arbeid', 'hotell', 'kontor'];

const NOTES = {
  followAlong: [
    'Første uke gikk bra.',
    'Trives med kollegene; litt sliten etter lange dager.',
    'Arbeidsgiver fornøyd; avtalt fast lunsjpause.',
    'Snakket om turnus neste måned.',
    'Alt går fint; neste samtale om en måned.',
  ],
  contact: [
    'Kaffe på Solsiden; CV ferdig.',
    'Gikk gjennom stillingsannonser sammen.',
    'Øvde på jobbintervju.',
    'Snakket om hvordan det går med behandlingen.',
    'Ringte for å høre hvordan uka var.',
  ],
  employerContact: [
    'Møtte daglig leder; mulig prøvedag.',
    'Presenterte IPS; de tar kontakt ved behov.',
    'Fulgte opp tidligere samtale.',
    'Ledig stilling i vår; ønsker søknad.',
  ],
  decisions: [
    'jobbspesialisten deltar på behandlingsmøtet hver uke',
    'behandler og jobbspesialist avtaler felles samtale',
    'medisinjustering avventes til etter prøveperioden',
    'tettere oppfølging de første ukene i jobb',
  ],
};

/** A step of the year: on a team's working day, in the order it was planned within the day. */
interface Step {
  readonly day: string;
  readonly order: number;
  readonly run: (day: string) => Promise<unknown>;
}

/**
 * The year's steps, played in the order they happened: before each, the platform's clock (when the seed has it) is set
 * to that step's working day, spread over business hours (08:30–16:00 in the teams' time zone).
 */
class Agenda {
  private readonly steps: Step[] = [];

  constructor(
    private readonly today: string,
    private readonly timeZone: string,
  ) {}

  /** The working day `offset` days from today (a weekend is the Friday before). */
  dayOf(offset: number): string {
    return weekdayOnOrBefore(addDays(this.today, offset));
  }

  on(offset: number, run: (day: string) => Promise<unknown>): void {
    this.steps.push({ day: this.dayOf(offset), order: this.steps.length, run });
  }

  async play(clock: SettableClock | undefined): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
    for (let first = 0; first < ordered.length;) {
      const day = (ordered[first] as Step).day;
      let last = first;
      while (last < ordered.length && (ordered[last] as Step).day === day) last++;
      for (let n = first; n < last; n++) {
        clock?.set(wallClock(this.timeZone, day, 8 * 60 + 30 + Math.floor(((n - first) * 450) / (last - first))).toISOString());
        await (ordered[n] as Step).run(day);
      }
      first = last;
    }
  }
}

/**
 * Two realistic synthetic IPS teams and their last year, through the platform's own API. On the year's first day the
 * programme's administrator defines the teams and names their supervisors, who add the rest of their team (welfare
 * office, mental health, municipality, each with a display name); the employers are registered. Then, day by day over
 * the year: referrals, enrolments within days, consent, career profile and action plan, contacts with the participant
 * (most in the community), treatment teams and their integration meetings, municipal services, employer contacts from
 * the first weeks, benefits counselling before each job and when hours change, jobs and follow-along (before the
 * start, within days, weekly in the first month, then monthly), jobs that end and new ones, discharges after steady
 * work, and relapse-risk flags raised and cleared. Last, near now: each team's on-call specialist and supervisor and
 * the municipality's crisis duty cover now, and employers ask the 24/7 line about four jobs (one open and urgent, one
 * taken, one resolved).
 *
 * With `clock`, the seed sets the platform's clock to each step's time before the step (the events carry the dates
 * they happened on) and to `today` at the end; without one, the platform stamps every event with its own time and
 * only the dates in the requests tell the year.
 */
export async function seedDemoTeam(send: Send, today = new Date(), clock?: SettableClock): Promise<SeedCounts> {
  let requests = 0;
  const counted: Send = (as, method, path, body) => {
    requests++;
    return send(as, method, path, body);
  };
  const random = sequence(20260302);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const timeZone = SENTRUM.timeZone;
  const todayLocal = dayIn(timeZone, today);
  const agenda = new Agenda(todayLocal, timeZone);
  /** A review date the platform takes on that step: not before its today (the step's day with the clock, else today). */
  const notBeforeToday = (day: string): string => (clock || day >= todayLocal ? day : todayLocal);
  const byPhase: Record<string, number> = {};
  let placements = 0;
  let placementsEnded = 0;
  let relapseFlagsCleared = 0;
  let contactRequests = 0;

  // The programme: two teams; the administrator names each team's supervisors, the first of them adds the others.
  const firstDay = agenda.dayOf(YEAR_STARTS);
  for (const team of [SENTRUM, LERKENDAL]) {
    agenda.on(YEAR_STARTS, () =>
      counted(ADMINISTRATOR, 'PUT', `/programme/teams/${team.teamId}`, { name: team.name, municipality: team.municipality, timeZone: team.timeZone }),
    );
    for (const supervisor of team.supervisors) {
      agenda.on(YEAR_STARTS, () => counted(ADMINISTRATOR, 'POST', `/programme/teams/${team.teamId}/members`, { ...member(supervisor), from: firstDay }));
    }
    for (const person of team.members) {
      agenda.on(YEAR_STARTS, () =>
        counted(team.supervisors[0] as SeedActor, 'POST', `/programme/teams/${team.teamId}/members`, { ...member(person), from: firstDay }),
      );
    }
  }
  const employers: { id: string; name: string; jobs: string[] }[] = EMPLOYERS.map((employer) => ({ id: '', name: employer.name, jobs: employer.jobs }));
  for (const [n, employer] of EMPLOYERS.entries()) {
    agenda.on(YEAR_STARTS + 1, async () => {
      const { employerId } = await counted(SUPERVISOR, 'POST', '/employer/employers', { name: employer.name, organisationNumber: employer.organisationNumber });
      (employers[n] as (typeof employers)[number]).id = String(employerId);
    });
  }

  const referred = new Map<string, number>();
  const open: { participantId: () => string; placementId: () => string; employerId: () => string; specialist: SeedActor }[] = [];
  const planned = planYear(random);
  for (const story of planned) {
    const { index, phase } = story;
    const { specialist, team } = SPECIALISTS[index % SPECIALISTS.length] as (typeof SPECIALISTS)[number];
    const { caseworker, clinician, municipal } = team;
    const ids = { participant: '', placements: [] as string[], flags: [] as string[] };
    const base = () => `/welfare-office/participants/${ids.participant}`;
    const givenName = GIVEN[index % GIVEN.length] as string;
    const familyName = FAMILY[(index * 7 + Math.floor(index / GIVEN.length)) % FAMILY.length] as string;
    const birthDate = addDays(todayLocal, -365 * (20 + Math.floor(random() * 35)) - Math.floor(random() * 300));
    const referredBy = pick(REFERRERS);
    agenda.on(story.referred, async () => {
      const { participantId } = await counted(caseworker, 'POST', '/welfare-office/referrals', {
        givenName,
        familyName,
        birthDate,
        referredBy,
        reason: 'Ønsker ordinært arbeid; har vært ute av arbeid en tid.',
        teamId: team.teamId,
      });
      ids.participant = String(participantId);
    });
    referred.set(team.teamId, (referred.get(team.teamId) ?? 0) + 1);
    const shown = phase === 'job-ended' ? 'job-search' : phase;
    byPhase[shown] = (byPhase[shown] ?? 0) + 1;
    if (story.withdrawn !== null)
      agenda.on(story.withdrawn, () => counted(caseworker, 'POST', `${base()}/referral-withdrawal`, { reason: 'Vil heller fullføre skolen først.' }));
    if (story.enrolled === null) continue;
    planCaseload(story, { specialist, team, caseworker, clinician, municipal, ids, base });
    const current = story.jobs.at(-1);
    if (phase === 'employed' && current) {
      open.push({
        participantId: () => ids.participant,
        placementId: () => ids.placements.at(-1) as string,
        employerId: () => (employers[current.employer] as (typeof employers)[number]).id,
        specialist,
      });
    }
  }

  /** One enrolled participant's work with the team, from enrolment to today or discharge. */
  function planCaseload(
    story: Story,
    who: {
      specialist: SeedActor;
      team: DemoTeam;
      caseworker: SeedActor;
      clinician: SeedActor;
      municipal: SeedActor;
      ids: { participant: string; placements: string[]; flags: string[] };
      base: () => string;
    },
  ): void {
    const { specialist, caseworker, clinician, municipal, ids, base } = who;
    const { index } = story;
    const enrolled = story.enrolled as number;
    const lastDay = story.discharged ?? -1;
    const participantPath = (agency: string) => `/${agency}/participants/${ids.participant}`;
    agenda.on(enrolled, () => counted(specialist, 'POST', `${base()}/enrolment`, { employmentSpecialistId: specialist.sub, contactPersonId: caseworker.sub }));
    const shareWith = index % 5 === 0 ? ['mental-health'] : ['mental-health', 'municipality', 'employer'];
    agenda.on(enrolled, () =>
      counted(specialist, 'POST', `${base()}/consents`, { shareWith, employerDisclosure: shareWith.includes('employer') && index % 3 !== 0 }),
    );
    const profile = { strengths: [pick(['punktlig', 'god med kunder', 'praktisk anlagt', 'nøyaktig'])], interests: [pick(PREFERENCES)] };
    agenda.on(enrolled + between(1, 6), () => counted(specialist, 'POST', `${base()}/career-profile`, profile));
    const plan = {
      goals: [pick(GOALS)],
      jobPreferences: [pick(PREFERENCES), pick(PREFERENCES)],
      hoursPerWeek: 10 + Math.floor(random() * 4) * 5,
      supportsWanted: ['hjelp med CV', 'noen å ringe på dårlige dager'],
    };
    agenda.on(enrolled + between(5, 14), () => counted(specialist, 'POST', `${base()}/action-plans`, plan));
    // Contacts with the participant, most of them out in the community.
    for (let day = enrolled + between(1, 5); day <= lastDay; day += between(5, 12)) {
      const contact = { mode: pick(['in-person', 'in-person', 'phone', 'video']), inCommunity: random() < 0.7, note: pick(NOTES.contact) };
      agenda.on(day, (on) => counted(specialist, 'POST', `${base()}/contacts`, { contactedOn: on, ...contact }));
    }
    if (story.treatmentTeam) {
      const teamName = who.team === SENTRUM ? pick(['DPS Nidaros, team 2', 'DPS Nidaros, team 3']) : pick(['DPS Lerkendal, team 1', 'DPS Lerkendal, team 2']);
      agenda.on(enrolled + between(0, 4), () =>
        counted(clinician, 'POST', `${participantPath('mental-health')}/treatment-team`, { teamName, clinicianId: clinician.sub }),
      );
      for (let day = enrolled + between(7, 20); day <= lastDay; day += between(28, 42)) {
        const decisions = [pick(NOTES.decisions)];
        agenda.on(day, (on) =>
          counted(clinician, 'POST', `${participantPath('mental-health')}/integration-meetings`, {
            heldOn: on,
            attendees: [clinician.sub, specialist.sub],
            decisions,
          }),
        );
      }
    }
    if (story.municipalServices) {
      const day = Math.min(enrolled + between(3, 20), lastDay);
      const kind = pick(['housing', 'social-assistance', 'activity']);
      agenda.on(day, () => counted(municipal, 'POST', `${participantPath('municipality')}/contact-person`, { contactPersonId: municipal.sub }));
      agenda.on(day, () => counted(municipal, 'POST', `${participantPath('municipality')}/services`, { kind }));
    }
    for (const flag of story.flags) {
      const n = ids.flags.length;
      ids.flags.push('');
      const actions = ['tettere kontakt med behandler', 'jobbspesialisten ringer ukentlig'];
      agenda.on(flag.raised, async (on) => {
        const reviewBy = notBeforeToday(addDays(on, flag.reviewIn));
        const { flagId } = await counted(clinician, 'POST', `${participantPath('mental-health')}/relapse-flags`, { level: flag.level, reviewBy, actions });
        ids.flags[n] = String(flagId);
      });
      if (flag.cleared !== null) {
        relapseFlagsCleared++;
        agenda.on(flag.cleared, () =>
          counted(clinician, 'POST', `${participantPath('mental-health')}/relapse-flags/${ids.flags[n]}/clear`, {
            reason: 'Stabil igjen; tilbake til vanlig oppfølging.',
          }),
        );
      }
    }
    // Job search: face-to-face employer contacts from the first weeks until a job starts, and again after one ends.
    const searches: [number, number][] = [];
    let searchFrom = enrolled + story.firstEmployerContactAfter;
    for (const job of story.jobs) {
      searches.push([searchFrom, job.start - 1]);
      searchFrom = job.end === null ? Number.POSITIVE_INFINITY : job.end + between(3, 10);
    }
    if (story.phase !== 'enrolled') searches.push([searchFrom, lastDay]);
    for (const [from, to] of searches) {
      for (let day = from; day <= to; day += between(2, 6)) {
        const contact = {
          employerId: between(0, EMPLOYERS.length - 1),
          kind: pick(['face-to-face', 'face-to-face', 'face-to-face', 'phone']),
          note: pick(NOTES.employerContact),
        };
        agenda.on(day, (on) =>
          counted(specialist, 'POST', `${base()}/employer-contacts`, {
            employerId: (employers[contact.employerId] as (typeof employers)[number]).id,
            kind: contact.kind,
            contactedOn: on,
            note: contact.note,
          }),
        );
      }
    }
    for (const [n, job] of story.jobs.entries()) planJob(story, job, n, who, lastDay);
    if (story.discharged !== null) {
      agenda.on(story.discharged, () =>
        counted(specialist, 'POST', `${base()}/discharge`, { reason: 'steady-employment', note: 'Stabil i jobb i over et halvt år; vet at hun kan ringe.' }),
      );
    }
  }

  /** A job: benefits counselling before it, the placement, follow-along, more hours, its end. */
  function planJob(
    story: Story,
    job: Story['jobs'][number],
    n: number,
    who: { specialist: SeedActor; ids: { participant: string; placements: string[] }; base: () => string },
    lastDay: number,
  ): void {
    const { specialist, ids, base } = who;
    const employer = () => employers[job.employer] as (typeof employers)[number];
    const jobTitle = pick((EMPLOYERS[job.employer] as (typeof EMPLOYERS)[number]).jobs);
    const placementPath = () => `/employer/participants/${ids.participant}/placements/${ids.placements[n]}`;
    const startDay = agenda.dayOf(job.start);
    placements++;
    agenda.on(Math.max(job.start - between(3, 10), (story.enrolled as number) + 1), (on) =>
      counted(specialist, 'POST', `${base()}/benefits-counselling`, {
        heldOn: on,
        topics: ['uføretrygd kombinert med deltidslønn'],
        note: `Beregnet inntekt ved ${job.hours} timer i uka.`,
      }),
    );
    agenda.on(job.start - 4, async () => {
      const { placementId } = await counted(specialist, 'POST', '/employer/placements', {
        participantId: ids.participant,
        employerId: employer().id,
        jobTitle,
        startDate: startDay,
        hoursPerWeek: job.hours,
        hourlyWage: job.wage,
      });
      ids.placements[n] = String(placementId);
    });
    const until = Math.min(job.end ?? lastDay, lastDay);
    const followAlong = [job.start - 2, job.start + 2, job.start + 7, job.start + 14, job.start + 21, job.start + 28];
    for (let day = job.start + 28 + between(18, 27); day <= until; day += between(18, 27)) followAlong.push(day);
    for (const day of followAlong.filter((candidate) => candidate <= until)) {
      const contact = { with: pick(['worker', 'worker', 'employer', 'both']), note: pick(NOTES.followAlong) };
      agenda.on(day, (on) => counted(specialist, 'POST', `${placementPath()}/follow-along-contacts`, { contactedOn: on, ...contact }));
    }
    if (job.moreHoursFrom !== null && job.moreHoursFrom <= until) {
      const terms = { hoursPerWeek: Math.min(job.hours + 5, 37), hourlyWage: job.wage + 10 };
      agenda.on(job.moreHoursFrom - between(2, 6), (on) =>
        counted(specialist, 'POST', `${base()}/benefits-counselling`, {
          heldOn: on,
          topics: ['flere timer: hva skjer med uføretrygden'],
          note: `Beregnet inntekt ved ${terms.hoursPerWeek} timer i uka.`,
        }),
      );
      agenda.on(job.moreHoursFrom, (on) => counted(specialist, 'POST', `${placementPath()}/terms`, { effectiveFrom: on, ...terms }));
    }
    if (job.end !== null) {
      placementsEnded++;
      agenda.on(job.end, (on) => counted(specialist, 'POST', `${placementPath()}/end`, { endDate: on, reason: job.endReason }));
      // After a job loss the specialist is in touch within days.
      const after = job.end + between(1, 3);
      if (after <= lastDay)
        agenda.on(after, (on) =>
          counted(specialist, 'POST', `${base()}/contacts`, {
            contactedOn: on,
            mode: 'in-person',
            inCommunity: true,
            note: 'Snakket om jobben som tok slutt, og hva nå.',
          }),
        );
    }
  }

  await agenda.play(clock);

  // Near now: the on-call shifts and the crisis duty cover now, and employers call the 24/7 line.
  const near = (minutesAgo: number) => clock?.set(new Date(today.getTime() - minutesAgo * 60_000).toISOString());
  near(180);
  const shiftFrom = `${addDays(todayLocal, -1)}T08:00`;
  const shiftTo = `${addDays(todayLocal, 12)}T08:00`;
  for (const team of [SENTRUM, LERKENDAL]) {
    const shifts = `/employer/on-call/teams/${team.teamId}/shifts`;
    const supervisor = team.supervisors[0] as SeedActor;
    await counted(supervisor, 'POST', shifts, {
      workerId: (team.specialists[0] as SeedActor).sub,
      role: 'employment-specialist',
      from: shiftFrom,
      to: shiftTo,
    });
    await counted(supervisor, 'POST', shifts, { workerId: supervisor.sub, role: 'supervisor', from: shiftFrom, to: shiftTo });
  }
  // The municipality's crisis duty (one rota for the municipality): a week each, so an escalation always reaches a person.
  for (const [n, worker] of [SENTRUM.municipal, LERKENDAL.municipal].entries()) {
    await counted(worker, 'POST', '/municipality/crisis-duty', {
      workerId: worker.sub,
      name: nameOf(worker.sub),
      phone: `+479${String(4411220 + n * 1111)}`,
      from: wallClock(timeZone, addDays(todayLocal, -1 + n * 7), 8 * 60).toISOString(),
      to: wallClock(timeZone, addDays(todayLocal, 6 + n * 7), 8 * 60).toISOString(),
    });
  }

  // The 24/7 line: employers ask for contact about four jobs; the participant's specialist resolves the first, takes
  // the second; the third (routine) and the fourth (urgent, minutes ago) are open.
  const asks = [
    { minutesAgo: 170, message: 'Vil gjerne snakke om arbeidstiden neste måned.', urgency: 'routine' },
    { minutesAgo: 95, message: 'Har ikke møtt i dag og svarer ikke på telefon.', urgency: 'urgent' },
    { minutesAgo: 25, message: 'Kan noen ringe meg om ferieavviklingen?', urgency: 'routine' },
    { minutesAgo: 12, message: 'Virket svært urolig og gikk hjem midt i skiftet.', urgency: 'urgent' },
  ];
  const requestIds: { requestId: string; specialist: SeedActor }[] = [];
  for (const [index, ask] of asks.entries()) {
    const job = open[index];
    if (!job) break;
    near(ask.minutesAgo);
    const employerId = job.employerId();
    const employer: SeedActor = { sub: `employer-${employerId.slice(0, 8)}`, agency: 'employer', role: 'employer', employerId };
    const { requestId } = await counted(employer, 'POST', '/employer/contact-requests', {
      placementId: job.placementId(),
      message: ask.message,
      urgency: ask.urgency,
      callbackPhone: `+47 9${String(1000000 + index * 1234567).slice(0, 7)}`,
    });
    requestIds.push({ requestId: String(requestId), specialist: job.specialist });
    contactRequests++;
    if (index === 0) {
      near(ask.minutesAgo - 20);
      await counted(job.specialist, 'POST', `/employer/contact-requests/${String(requestId)}/acknowledge`, {});
      near(ask.minutesAgo - 45);
      await counted(job.specialist, 'POST', `/employer/contact-requests/${String(requestId)}/resolve`, { note: 'Ringte arbeidsgiver; avtalt nytt møte.' });
    }
    if (index === 1) {
      near(ask.minutesAgo - 8);
      await counted(job.specialist, 'POST', `/employer/contact-requests/${String(requestId)}/acknowledge`, {});
    }
  }
  clock?.set(today.toISOString());

  const teams = [SENTRUM, LERKENDAL]
    .map((team) => ({ teamId: team.teamId, name: team.name, participants: referred.get(team.teamId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const relapseFlags = planned.flatMap((story) => story.flags).filter((flag) => flag.cleared === null).length;
  return {
    participants: PHASES.length,
    byPhase,
    employers: employers.length,
    placements,
    placementsEnded,
    relapseFlags,
    relapseFlagsCleared,
    contactRequests,
    firstDay,
    requests,
    teams,
  };
}
