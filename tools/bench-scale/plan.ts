/**
 * What the scale bench writes, decided up front and deterministically (a seeded PRNG): the teams with their staff and
 * employers, and each participant's history as commands in time order over five years. Pure: no I/O.
 */
import type { EndPlacement, RecordFollowAlongContact, RegisterEmployer, StartPlacement } from '@ips/employer/domain';
import type { ClearRelapseFlag, RaiseRelapseFlag } from '@ips/mental-health/domain';
import type { AddTeamMember, DefineTeam } from '@ips/programme/domain';
import type {
  DischargeParticipant,
  EnrolParticipant,
  GiveConsent,
  RecordEmployerContact,
  RecordParticipantContact,
  ReferParticipant,
  WithdrawReferral,
} from '@ips/welfare-office/domain';

export interface Actor {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
}

export interface TeamPlan {
  readonly teamId: string;
  readonly definition: DefineTeam['data'];
  readonly definedAt: string;
  readonly supervisor: Actor;
  readonly specialists: readonly Actor[];
  readonly caseworker: Actor;
  readonly clinician: Actor;
  readonly members: readonly { readonly role: string; readonly command: AddTeamMember['data'] }[];
  readonly employers: readonly RegisterEmployer['data'][];
}

export type Step = { readonly at: string; readonly actor: Actor } & (
  | { readonly kind: 'refer'; readonly data: ReferParticipant['data'] }
  | { readonly kind: 'withdraw'; readonly data: WithdrawReferral['data'] }
  | { readonly kind: 'enrol'; readonly data: EnrolParticipant['data'] }
  | { readonly kind: 'consent'; readonly data: GiveConsent['data'] }
  | { readonly kind: 'contact'; readonly data: RecordParticipantContact['data'] }
  | { readonly kind: 'employer-contact'; readonly data: RecordEmployerContact['data'] }
  | { readonly kind: 'discharge'; readonly data: DischargeParticipant['data'] }
  | { readonly kind: 'raise-flag'; readonly data: RaiseRelapseFlag['data'] }
  | { readonly kind: 'clear-flag'; readonly data: ClearRelapseFlag['data'] }
  | { readonly kind: 'start-placement'; readonly data: StartPlacement['data'] }
  | { readonly kind: 'end-placement'; readonly data: EndPlacement['data'] }
  | { readonly kind: 'follow-along'; readonly data: RecordFollowAlongContact['data'] }
);

export interface ParticipantPlan {
  readonly participantId: string;
  readonly teamId: string;
  readonly specialist: string;
  /** Where the history ends: referred, withdrawn, enrolled (active), discharged. */
  readonly status: 'referred' | 'withdrawn' | 'enrolled' | 'discharged';
  readonly steps: readonly Step[];
}

export interface CountryPlan {
  readonly administrator: Actor;
  readonly coordinator: Actor;
  readonly teams: readonly TeamPlan[];
  /** How many participants: each one's plan is made on demand from the seed and its index (none is held). */
  readonly participantCount: number;
  /** The participant at this index (0 … participantCount − 1), the same every time. */
  participant(index: number): ParticipantPlan;
  /** The indexes of a team's participants: one contiguous range per team. */
  participantsOf(team: number): { readonly from: number; readonly to: number };
  /** The day the history ends (the bench's "today"). */
  readonly end: string;
}

/** mulberry32, as the demo seed uses. */
export function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-7-shaped UUID from the PRNG: the same ids every run. */
const uuidFrom = (random: () => number): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '7';
  hex[16] = '89ab'[Math.floor(random() * 4)] as string;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

const DAY = 86_400_000;
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
const MUNICIPALITIES = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Kristiansand', 'Tromsø', 'Drammen', 'Bodø', 'Ålesund', 'Hamar'];
const REFERRERS = ['DPS poliklinikk', 'NAV', 'self', 'Fastlege', 'DPS, team 2'];
const ORGANISATION_NUMBERS = ['912345670', '923456781', '934567892', '945678903', '956789014', '967890125'];
const JOBS = ['Lagermedarbeider', 'Kafémedarbeider', 'Parkarbeider', 'Butikkmedarbeider', 'Renholder', 'Resepsjonist'];
const DISCHARGE_REASONS = ['steady-employment', 'participant-choice', 'moved-away', 'education'] as const;
const PARTICIPANTS_PER_SPECIALIST = 20;
const PARTICIPANTS_PER_TEAM = 100;
const MAX_TEAMS = 200;

export interface PlanOptions {
  readonly participants: number;
  readonly seed: number;
  readonly end: Date;
  /** Years of history before `end` (5). */
  readonly years?: number;
  /** Participants a team (100, or BENCH_SCALE_TEAM_SIZE), at most 200 teams: a fixed team size separates team from country. */
  readonly teamSize?: number;
}

/** A participant's own PRNG: its plan depends only on the country's seed and its index, never on the others'. */
const participantSequence = (seed: number, index: number): (() => number) => sequence((seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0);

/**
 * 200 teams at 20,000 participants and above, about 100 participants a team below; 20 per employment specialist.
 * Teams, staff and employers are made at once (a few hundred); each participant's history only when asked for, from
 * its own seed, so a country of 100,000 is never held in memory.
 */
export function planCountry(options: PlanOptions): CountryPlan {
  const random = sequence(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const endMs = options.end.getTime();
  const startMs = endMs - Math.round((options.years ?? 5) * 365 * DAY);
  const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const administrator: Actor = { sub: 'adm-bench', agency: 'programme', role: 'administrator' };
  const coordinator: Actor = { sub: 'koord-bench', agency: 'programme', role: 'coordinator' };

  const teamSize = options.teamSize ?? Number(process.env['BENCH_SCALE_TEAM_SIZE'] ?? PARTICIPANTS_PER_TEAM);
  const teamCount = Math.max(1, Math.min(MAX_TEAMS, Math.round(options.participants / teamSize)));
  const sizes = Array.from({ length: teamCount }, (_, t) => Math.floor(options.participants / teamCount) + (t < options.participants % teamCount ? 1 : 0));
  const firsts: number[] = [];
  sizes.reduce((first, size) => (firsts.push(first), first + size), 0);
  const teams: TeamPlan[] = sizes.map((size, t) => {
    const teamId = uuidFrom(random);
    const n = String(t + 1).padStart(3, '0');
    const staff = (sub: string, agency: string, role: string): Actor => ({ sub, agency, role });
    const supervisor = staff(`sup-${n}`, 'welfare-office', 'supervisor');
    const specialists = Array.from({ length: Math.max(1, Math.ceil(size / PARTICIPANTS_PER_SPECIALIST)) }, (_, k) =>
      staff(`es-${n}-${k + 1}`, 'welfare-office', 'employment-specialist'),
    );
    const caseworker = staff(`cw-${n}`, 'welfare-office', 'caseworker');
    const clinician = staff(`dr-${n}`, 'mental-health', 'clinician');
    const municipal = staff(`mw-${n}`, 'municipality', 'municipal-worker');
    const from = date(startMs);
    const member = (person: Actor) => ({
      role: person.role,
      command: {
        teamId,
        sub: person.sub,
        displayName: `${pick(GIVEN)} ${pick(FAMILY)} (${person.sub})`,
        agency: person.agency as AddTeamMember['data']['agency'],
        role: person.role as AddTeamMember['data']['role'],
        from,
      },
    });
    const municipality = MUNICIPALITIES[t % MUNICIPALITIES.length] as string;
    return {
      teamId,
      definition: { teamId, name: `IPS ${municipality} ${n}`, municipality, timeZone: 'Europe/Oslo' },
      definedAt: new Date(startMs).toISOString(),
      supervisor,
      specialists,
      caseworker,
      clinician,
      members: [supervisor, ...specialists, caseworker, clinician, municipal].map(member),
      employers: Array.from({ length: 5 }, (_, e) => ({
        employerId: uuidFrom(random),
        name: `Arbeidsgiver ${n}-${e + 1} AS`,
        organisationNumber: pick(ORGANISATION_NUMBERS),
      })),
    };
  });

  const teamOf = (index: number): number => {
    // Binary search over the teams' first indexes.
    let low = 0;
    let high = teamCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((firsts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const participant = (index: number): ParticipantPlan => {
    if (!(index >= 0 && index < options.participants)) throw new RangeError(`no participant ${index}`);
    const t = teamOf(index);
    return planParticipant(participantSequence(options.seed, index), teams[t] as TeamPlan, index - (firsts[t] as number), startMs, endMs);
  };
  return {
    administrator,
    coordinator,
    teams,
    participantCount: options.participants,
    participant,
    participantsOf: (t) => ({ from: firsts[t] as number, to: (firsts[t] as number) + (sizes[t] as number) }),
    end: date(endMs),
  };
}

/** Every participant's plan, in index order: for small countries (tests), never for a large one. */
export function allParticipants(plan: CountryPlan): ParticipantPlan[] {
  return Array.from({ length: plan.participantCount }, (_, index) => plan.participant(index));
}

/**
 * One participant's five years, as a specialist and a clinician would record them: referral (5% withdrawn), enrolment
 * and consent, a contact about once a week (every 3–10 days) until discharge, employer contacts every 1–5 weeks while
 * looking for work, up to three jobs with follow-along contacts every 1–3 weeks while in work, sometimes a relapse
 * flag raised and cleared, and a discharge after 6 months to 3 years.
 */
function planParticipant(random: () => number, team: TeamPlan, i: number, startMs: number, endMs: number): ParticipantPlan {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const iso = (ms: number): string => new Date(ms).toISOString();
  const date = (ms: number): string => iso(ms).slice(0, 10);
  const participantId = uuidFrom(random);
  const specialist = team.specialists[i % team.specialists.length] as Actor;
  const steps: Step[] = [];
  // Referrals spread over the five years; the first month is left for the team to form.
  const referredMs = between(startMs + 30 * DAY, endMs - 2 * DAY);
  const at = (ms: number): string => iso(ms + between(10, 16) * 3600_000);
  steps.push({
    kind: 'refer',
    at: at(referredMs),
    actor: team.caseworker,
    data: {
      participantId,
      givenName: pick(GIVEN),
      familyName: pick(FAMILY),
      birthDate: date(referredMs - between(20, 60) * 365 * DAY),
      referredBy: pick(REFERRERS),
      reason: 'Ønsker ordinært arbeid.',
      teamId: team.teamId,
    },
  });
  const enrolMs = referredMs + between(3, 21) * DAY;
  const base = { participantId, teamId: team.teamId, specialist: specialist.sub };
  if (random() < 0.05) {
    const withdrawMs = Math.min(endMs, referredMs + between(1, 20) * DAY);
    steps.push({ kind: 'withdraw', at: at(withdrawMs), actor: team.caseworker, data: { participantId, reason: 'Vil heller fullføre skolen først.' } });
    return { ...base, status: 'withdrawn', steps };
  }
  if (enrolMs >= endMs) return { ...base, status: 'referred', steps };
  steps.push({
    kind: 'enrol',
    at: iso(enrolMs + 9 * 3600_000),
    actor: specialist,
    data: {
      participantId,
      employmentSpecialistId: specialist.sub,
      contactPersonId: team.caseworker.sub,
      staff: {
        employmentSpecialist: [{ teamId: team.teamId, agency: specialist.agency, role: specialist.role }],
        contactPerson: [{ teamId: team.teamId, agency: team.caseworker.agency, role: team.caseworker.role }],
      },
    },
  });
  const shareWith: GiveConsent['data']['shareWith'] = random() < 0.2 ? ['mental-health'] : ['mental-health', 'municipality', 'employer'];
  steps.push({
    kind: 'consent',
    at: iso(enrolMs + 9 * 3600_000 + 300_000),
    actor: specialist,
    data: { participantId, shareWith, employerDisclosure: shareWith.includes('employer') && random() < 0.7 },
  });
  // Discharged after 6 months to 3 years, if that is before the end; else still in the programme.
  const dischargeMs = enrolMs + between(180, 1100) * DAY;
  const lastMs = Math.min(dischargeMs, endMs - DAY);
  // The specialist's side, in time order: contacts about weekly, employer contacts until a job, jobs with follow-along
  // and their ends, a flag. Each entry has its own time (ms, then the order it was planned in for ties).
  const events: { ms: number; step: (ms: number) => Step }[] = [];
  for (let ms = enrolMs + between(2, 7) * DAY; ms < lastMs; ms += between(3, 10) * DAY) {
    events.push({
      ms,
      step: (when) => ({
        kind: 'contact',
        at: at(when),
        actor: specialist,
        data: { participantId, contactedOn: date(when), mode: pick(['in-person', 'phone', 'video', 'message'] as const), inCommunity: random() < 0.6 },
      }),
    });
  }
  let jobSearchMs = enrolMs + between(5, 30) * DAY;
  for (let job = 0; job < 3 && jobSearchMs < lastMs; job++) {
    const startMs = jobSearchMs + between(20, 200) * DAY;
    for (let ms = jobSearchMs; ms < Math.min(startMs, lastMs); ms += between(7, 35) * DAY) {
      const employer = pick(team.employers);
      events.push({
        ms,
        step: (when) => ({
          kind: 'employer-contact',
          at: at(when),
          actor: specialist,
          data: { participantId, employerId: employer.employerId, kind: pick(['face-to-face', 'face-to-face', 'phone'] as const), contactedOn: date(when) },
        }),
      });
    }
    if (startMs >= lastMs || random() < 0.3) break;
    const employer = pick(team.employers);
    const placementId = uuidFrom(random);
    const hoursPerWeek = between(2, 8) * 5;
    const hourlyWage = 210 + between(0, 8) * 10;
    events.push({
      ms: startMs,
      step: (when) => ({
        kind: 'start-placement',
        at: at(when),
        actor: specialist,
        data: {
          participantId,
          placementId,
          employerId: employer.employerId,
          employerRegistered: true,
          jobTitle: pick(JOBS),
          startDate: date(when),
          hoursPerWeek,
          hourlyWage,
          employmentType: 'competitive',
          minimumHourlyWage: 200,
        },
      }),
    });
    const endJobMs = startMs + between(30, 700) * DAY;
    // Follow-along while the job lasts (and the participant is in the programme): the worker, the employer or both.
    for (let ms = startMs + between(1, 7) * DAY; ms < Math.min(endJobMs, lastMs); ms += between(7, 21) * DAY) {
      events.push({
        ms,
        step: (when) => ({
          kind: 'follow-along',
          at: at(when),
          actor: specialist,
          data: { participantId, placementId, contactedOn: date(when), with: pick(['worker', 'employer', 'both'] as const) },
        }),
      });
    }
    if (endJobMs >= lastMs) break;
    events.push({
      ms: endJobMs,
      step: (when) => ({
        kind: 'end-placement',
        at: at(when),
        actor: specialist,
        data: { participantId, placementId, endDate: date(when), reason: pick(['contract-ended', 'resigned', 'dismissed'] as const) },
      }),
    });
    jobSearchMs = endJobMs + between(5, 30) * DAY;
  }
  if (random() < 0.25) {
    const raiseMs = between(enrolMs + DAY, Math.max(enrolMs + DAY, lastMs - DAY));
    const flagId = uuidFrom(random);
    const reviewBy = date(raiseMs + between(7, 21) * DAY);
    const level = pick(['watch', 'elevated', 'acute'] as const);
    events.push({
      ms: raiseMs,
      step: (when) => ({
        kind: 'raise-flag',
        at: at(when),
        actor: team.clinician,
        data: { participantId, flagId, level, reviewBy, actions: ['tettere kontakt med behandler'] },
      }),
    });
    const clearMs = raiseMs + between(10, 90) * DAY;
    if (clearMs < lastMs)
      events.push({
        ms: clearMs,
        step: (when) => ({ kind: 'clear-flag', at: at(when), actor: team.clinician, data: { participantId, flagId, reason: 'stabil igjen' } }),
      });
  }
  // Stable: entries on the same day keep the order they were planned in (a job's start before its follow-along).
  events.sort((a, b) => a.ms - b.ms);
  for (const event of events) steps.push(event.step(event.ms));
  const discharged = dischargeMs < endMs - DAY;
  if (discharged)
    steps.push({ kind: 'discharge', at: iso(dischargeMs + 12 * 3600_000), actor: specialist, data: { participantId, reason: pick(DISCHARGE_REASONS) } });
  return { ...base, status: discharged ? 'discharged' : 'enrolled', steps };
}
