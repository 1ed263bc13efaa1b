import { DEMO_STAFF } from '@ips/runtime';

/** Sends one request as someone of the demo team; resolves to the JSON answer, rejects on anything but 2xx. */
export type Send = (as: SeedActor, method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown) => Promise<Record<string, unknown>>;
export type SeedActor = { readonly sub: string; readonly agency: string; readonly role: string; readonly employerId?: string };

export interface SeedCounts {
  readonly participants: number;
  readonly byPhase: Readonly<Record<string, number>>;
  readonly employers: number;
  readonly placements: number;
  readonly relapseFlags: number;
  readonly contactRequests: number;
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

const GIVEN = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Jonas', 'Nora', 'Emil', 'Sara', 'Henrik', 'Maja', 'Tobias', 'Ida', 'Sander', 'Thea', 'Magnus', 'Emma', 'Mathias', 'Julie', 'Kristian'];
const FAMILY = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Eriksen', 'Bakken', 'Solberg', 'Strand', 'Lie', 'Dahl'];
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

/** Where each of the 40 participants stands: spread over the lifecycle as a real team's caseload would be. */
const PHASES = [
  ...Array<string>(4).fill('referred'),
  'referral-withdrawn',
  ...Array<string>(7).fill('enrolled'),
  ...Array<string>(12).fill('job-search'),
  ...Array<string>(11).fill('employed'),
  ...Array<string>(3).fill('job-ended'),
  ...Array<string>(2).fill('discharged'),
];

/** A deterministic pseudo-random sequence (mulberry32): the same demo team every time. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (offset: number, today: Date): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Two realistic synthetic IPS teams, through the platform's own API: the programme's administrator defines them and
 * names their supervisors, who add the rest of their team (welfare office, mental health, municipality, each with a
 * display name); then three employment specialists with their caseloads (two in sentrum, one at Lerkendal), each
 * team's caseworker, clinician (treatment teams, relapse-risk flags) and municipal contact, six employers with
 * placements and follow-along, and requests to the employer 24/7 line. A participant is referred to their
 * specialist's team, so each team's staff see their own participants and not the other team's.
 */
export async function seedDemoTeam(send: Send, today = new Date()): Promise<SeedCounts> {
  const random = sequence(20260302);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const byPhase: Record<string, number> = {};
  let placements = 0;
  let relapseFlags = 0;
  let contactRequests = 0;

  // The programme: two teams; the administrator names each team's supervisors, the first of them adds the others,
  // all on the team for half a year already.
  const from = day(-180, today);
  for (const team of [SENTRUM, LERKENDAL]) {
    await send(ADMINISTRATOR, 'PUT', `/programme/teams/${team.teamId}`, { name: team.name, municipality: team.municipality, timeZone: team.timeZone });
    for (const supervisor of team.supervisors) {
      await send(ADMINISTRATOR, 'POST', `/programme/teams/${team.teamId}/members`, { ...member(supervisor), from });
    }
    for (const person of team.members) {
      await send(team.supervisors[0] as SeedActor, 'POST', `/programme/teams/${team.teamId}/members`, { ...member(person), from });
    }
  }

  const employers: { id: string; name: string; jobs: string[] }[] = [];
  for (const employer of EMPLOYERS) {
    const { employerId } = await send(SUPERVISOR, 'POST', '/employer/employers', { name: employer.name, organisationNumber: employer.organisationNumber });
    employers.push({ id: String(employerId), name: employer.name, jobs: employer.jobs });
  }
  // The 24/7 line's on-call: the programme's teams are its on-call teams; each team's first specialist is on call.
  for (const team of [SENTRUM, LERKENDAL]) {
    await send(team.supervisors[0] as SeedActor, 'POST', `/employer/on-call/teams/${team.teamId}/shifts`, {
      workerId: (team.specialists[0] as SeedActor).sub,
      role: 'employment-specialist',
      from: `${day(-1, today)}T08:00`,
      to: `${day(12, today)}T08:00`,
    });
  }
  const referred = new Map<string, number>();

  const open: { participantId: string; placementId: string; employerId: string; specialist: SeedActor }[] = [];
  for (const [index, phase] of PHASES.entries()) {
    const { specialist, team } = SPECIALISTS[index % SPECIALISTS.length] as (typeof SPECIALISTS)[number];
    const { caseworker, clinician, municipal } = team;
    const givenName = GIVEN[index % GIVEN.length] as string;
    const familyName = FAMILY[(index * 7 + Math.floor(index / GIVEN.length)) % FAMILY.length] as string;
    const { participantId } = await send(caseworker, 'POST', '/welfare-office/referrals', {
      givenName,
      familyName,
      birthDate: day(-365 * (20 + Math.floor(random() * 35)) - Math.floor(random() * 300), today),
      referredBy: pick(REFERRERS),
      reason: 'Ønsker ordinært arbeid; har vært ute av arbeid en tid.',
      teamId: team.teamId,
    });
    referred.set(team.teamId, (referred.get(team.teamId) ?? 0) + 1);
    const base = `/welfare-office/participants/${String(participantId)}`;
    byPhase[phase === 'job-ended' ? 'job-search' : phase] = (byPhase[phase === 'job-ended' ? 'job-search' : phase] ?? 0) + 1;
    if (phase === 'referred') continue;
    if (phase === 'referral-withdrawn') {
      await send(caseworker, 'POST', `${base}/referral-withdrawal`, { reason: 'Vil heller fullføre skolen først.' });
      continue;
    }
    await send(specialist, 'POST', `${base}/enrolment`, { employmentSpecialistId: specialist.sub, contactPersonId: caseworker.sub });
    const shareWith = index % 5 === 0 ? ['mental-health'] : ['mental-health', 'municipality', 'employer'];
    await send(specialist, 'POST', `${base}/consents`, { shareWith, employerDisclosure: shareWith.includes('employer') && index % 3 !== 0 });
    await send(specialist, 'POST', `${base}/action-plans`, {
      goals: [pick(GOALS)],
      jobPreferences: [pick(PREFERENCES), pick(PREFERENCES)],
      hoursPerWeek: 10 + Math.floor(random() * 4) * 5,
      supportsWanted: ['hjelp med CV', 'noen å ringe på dårlige dager'],
    });
    await send(specialist, 'POST', `${base}/contacts`, { contactedOn: day(-Math.floor(random() * 10), today), mode: pick(['in-person', 'phone', 'video']), inCommunity: random() < 0.7 });
    if (index % 4 !== 3) await send(clinician, 'POST', `/mental-health/participants/${String(participantId)}/treatment-team`, { teamName: pick(['DPS Lerkendal, team 1', 'DPS Nidaros, team 2']), clinicianId: clinician.sub });
    if (index % 5 === 0) {
      await send(municipal, 'POST', `/municipality/participants/${String(participantId)}/contact-person`, { contactPersonId: municipal.sub });
      await send(municipal, 'POST', `/municipality/participants/${String(participantId)}/services`, { kind: pick(['housing', 'social-assistance', 'activity']) });
    }
    if (index % 7 === 2 && index % 4 !== 3) {
      await send(clinician, 'POST', `/mental-health/participants/${String(participantId)}/relapse-flags`, {
        level: pick(['watch', 'elevated', 'acute']),
        reviewBy: day(7 + Math.floor(random() * 14), today),
        actions: ['tettere kontakt med behandler', 'jobbspesialisten ringer ukentlig'],
      });
      relapseFlags++;
    }
    if (phase === 'enrolled') continue;
    const employer = employers[index % employers.length] as (typeof employers)[number];
    for (let contact = 0; contact < 1 + (index % 3); contact++) {
      await send(specialist, 'POST', `${base}/employer-contacts`, { employerId: pick(employers).id, kind: pick(['face-to-face', 'face-to-face', 'phone']), contactedOn: day(-contact * 3, today) });
    }
    if (phase === 'job-search') continue;
    await send(specialist, 'POST', `${base}/benefits-counselling`, { heldOn: day(-5, today), topics: ['uføretrygd kombinert med deltidslønn'] });
    const { placementId } = await send(specialist, 'POST', '/employer/placements', {
      participantId,
      employerId: employer.id,
      jobTitle: pick(employer.jobs),
      startDate: day(-Math.floor(random() * 60), today),
      hoursPerWeek: 10 + Math.floor(random() * 5) * 5,
      hourlyWage: 210 + Math.floor(random() * 8) * 10,
    });
    placements++;
    const placementPath = `/employer/participants/${String(participantId)}/placements/${String(placementId)}`;
    await send(specialist, 'POST', `${placementPath}/follow-along-contacts`, { contactedOn: day(-1, today), with: pick(['worker', 'employer', 'both']), note: 'Første uke gikk bra.' });
    if (phase === 'job-ended') {
      await send(specialist, 'POST', `${placementPath}/end`, { endDate: day(-1, today), reason: pick(['contract-ended', 'resigned']) });
    } else if (phase === 'discharged') {
      await send(specialist, 'POST', `${base}/discharge`, { reason: 'steady-employment', note: 'Stabil i jobb i over et år.' });
    } else {
      open.push({ participantId: String(participantId), placementId: String(placementId), employerId: employer.id, specialist });
    }
  }

  // The 24/7 line: employers ask for contact about four jobs; the participant's specialist takes one and resolves another.
  const requests: { requestId: string; specialist: SeedActor }[] = [];
  for (const [index, job] of open.slice(0, 4).entries()) {
    const employer: SeedActor = { sub: `employer-${job.employerId.slice(0, 8)}`, agency: 'employer', role: 'employer', employerId: job.employerId };
    const { requestId } = await send(employer, 'POST', '/employer/contact-requests', {
      placementId: job.placementId,
      message: index % 2 === 0 ? 'Har ikke møtt i dag og svarer ikke på telefon.' : 'Vil gjerne snakke om arbeidstiden neste måned.',
      urgency: index % 2 === 0 ? 'urgent' : 'routine',
      callbackPhone: `+47 9${String(1000000 + index * 1234567).slice(0, 7)}`,
    });
    requests.push({ requestId: String(requestId), specialist: job.specialist });
    contactRequests++;
  }
  const [, taken, , resolved] = requests;
  if (taken) await send(taken.specialist, 'POST', `/employer/contact-requests/${taken.requestId}/acknowledge`, {});
  if (resolved) {
    await send(resolved.specialist, 'POST', `/employer/contact-requests/${resolved.requestId}/acknowledge`, {});
    await send(resolved.specialist, 'POST', `/employer/contact-requests/${resolved.requestId}/resolve`, { note: 'Ringte arbeidsgiver; avtalt nytt møte.' });
  }
  const teams = [SENTRUM, LERKENDAL]
    .map((team) => ({ teamId: team.teamId, name: team.name, participants: referred.get(team.teamId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { participants: PHASES.length, byPhase, employers: employers.length, placements, relapseFlags, contactRequests, teams };
}
