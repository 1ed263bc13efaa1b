import { PolicyRow } from './policy-row';
import { ACCESS_LOG_READER, ACTS_FOR_EMPLOYER, GRANT_HOLDER, LINE_REACH, OWN_CASELOAD, OWN_RECORD, REGISTERS_ITSELF, TEAM_LIST } from './relations';

/**
 * Who may call which route: the one table the auth guard enforces (a route missing here is refused).
 * `who` is agency/role; `relation` names the check on the participant or placement that the route makes
 * on top (consent at read time, own placement, self): the relation rules of relations.ts it applies, whose
 * descriptions are its text, and free text for what the route decides itself; `workNeed` marks the routes where the guard itself asks
 * whether a staff caller has a relation to the participant (decision 28). docs/access-policy.md is generated
 * from this file.
 */
export const ACCESS_POLICY: readonly PolicyRow[] = [
  {
    route: 'GET /health',
    purpose: "Ready to serve, as GET /health/ready answers it (200 `{ status: 'ok' }`; 503 HEALTH.NOT_READY listing every check)",
    who: 'anyone',
  },
  {
    route: 'GET /health/live',
    purpose: 'Alive: the process answers (liveness probe; docs/operations.md)',
    who: 'anyone',
  },
  {
    route: 'GET /health/ready',
    purpose:
      'Ready to serve (readiness probe; docs/operations.md): the database answers, every migration is applied, every consumer of the bus follows within the lag budget, the key store answers; 503 HEALTH.NOT_READY names the failing checks',
    who: 'anyone',
  },
  {
    route: 'GET /metrics',
    purpose:
      "The service's metrics for Prometheus (text format; docs/operations.md). No API token: with METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` (else 401 METRICS.TOKEN_INVALID); not mounted with METRICS=off",
    who: 'anyone',
  },
  {
    route: 'GET /auth/config',
    purpose: 'How the web app signs in here: the demo sign-in (embedded profile) and/or the OpenID Connect providers',
    who: 'anyone',
  },
  {
    route: 'GET /auth/demo-users',
    purpose:
      'Embedded profile only: the demo users one may sign in as, while the demo sign-in is on (DEMO_SIGN_IN=on, or the data directory holds the seeded demo team); 404 AUTH.DEMO_SIGN_IN_OFF while off; not mounted with DEMO_SIGN_IN=off',
    who: 'anyone',
  },
  {
    route: 'POST /auth/demo-sign-in',
    purpose:
      'Embedded profile only: a token of the embedded key for a demo user, while the demo sign-in is on (DEMO_SIGN_IN=on, or the data directory holds the seeded demo team); 404 AUTH.DEMO_SIGN_IN_OFF while off; not mounted with DEMO_SIGN_IN=off',
    who: 'anyone',
  },
  {
    route: 'POST /welfare-office/referrals',
    purpose:
      "Refer someone to IPS, to a team (`teamId` required once teams are defined, else 400; an unknown team 404 TEAM.NOT_FOUND; while no team is defined, the default team). Someone with the same name and birth date already referred (not withdrawn or erased) in one of the referrer's teams: 409 REFERRAL.POSSIBLE_DUPLICATE naming those participants, unless `confirmNotDuplicate: true`",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/transfer',
    purpose:
      'Move the participant to another IPS team from a day on (today when left out; at most 30 days back or ahead), with the reason; the earlier teams stay in the history (404 TEAM.NOT_FOUND, 409 TEAM.SAME_TEAM, 422 TRANSFER.DATE_OUT_OF_RANGE).',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      'the new team must be one the programme defined (else 404 TEAM.NOT_FOUND); staff: work need, checked by the auth guard (a relation to the participant in their current team: member of it, or named on the record; else 404 as for an unknown participant)',
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/enrolment',
    purpose:
      "Put a referred participant on an employment specialist's caseload, with a fixed contact person (a caseworker). Once teams are defined both are picked from the participant's team: an employment specialist and a caseworker who are members today (else 422 TEAM.NOT_A_MEMBER naming the field). One enrolment per referral: a second is 409 PARTICIPANT.ALREADY_ENROLLED, never a replacement of the people named.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/referral-withdrawal',
    purpose: "End a referral by the participant's own choice, with their reason.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/consents',
    purpose: "Record the participant's consent: who shares the record, and whether an employer may be told",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/consent-withdrawal',
    purpose: 'Withdraw consent: from now on each agency sees only its own entries.',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/career-profile',
    purpose: 'Create the career profile from the first meetings.',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'PUT /welfare-office/participants/:id/career-profile',
    purpose: 'Replace the career profile (after every job, and whenever needed).',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/action-plans',
    purpose:
      "Record the participant's own action plan; a later one replaces it. With `proposalId`, recorded from the participant's open proposal (404 ACTION_PLAN.PROPOSAL_NOT_FOUND; 409 ACTION_PLAN.PROPOSAL_CLOSED when a plan recorded it or something later closed it).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/action-plan-proposals',
    purpose:
      'The participant writes their action plan or proposes changes to it, from their own page; it stays open until a plan records it (`proposalId` on the plan) or a later plan replaces it (409 PARTICIPANT.REFERRAL_CLOSED, PARTICIPANT.DISCHARGED, PARTICIPANT.ERASED).',
    who: ['participant/participant'],
    relation: [OWN_RECORD, "another participant's record: 403 AUTH.FORBIDDEN"],
  },
  {
    route: 'POST /welfare-office/participants/:id/benefits-counselling',
    purpose: 'Record a benefits counselling session (before a job starts, and when hours or pay change).',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/employer-contacts',
    purpose: "Record the employment specialist's contact with an employer for this participant (job development).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/contacts',
    purpose: 'Record a meeting or call with the participant.',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/discharge',
    purpose: 'Discharge or transition, with a reason (never missed appointments; 422 DISCHARGE.REASON_NOT_ALLOWED).',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'PUT /welfare-office/participants/:id/contact-details',
    purpose: 'Replace how the team reaches the participant (phone, e-mail); a field left out is cleared.',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /welfare-office/participants/:id/erasure',
    purpose:
      "Erase the participant's personal data (a supervisor): their key is destroyed, so names, birth date, phone numbers and free text read as [erased] everywhere; the rest of the record stays.",
    who: ['welfare-office/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/treatment-team',
    purpose:
      "Link the participant's treatment team and clinician to the IPS team; a new link after treatment ended starts a new treatment. Once teams are defined the clinician is picked from the participant's team: a mental-health clinician who is a member today (else 422 TEAM.NOT_A_MEMBER).",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/integration-meetings',
    purpose: 'Record a meeting of treatment team and employment specialist about the participant: who attended, what was decided.',
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags',
    purpose: 'Raise an early warning of relapse to the IPS team',
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags/:flagId/changes',
    purpose: 'Change the level, review date or agreed actions of the open flag (a review: the next one must lie ahead).',
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags/:flagId/clear',
    purpose: 'Clear the warning: it is over',
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /mental-health/participants/:id/treatment-end',
    purpose: 'End treatment at this service',
    who: ['mental-health/clinician', 'mental-health/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /employer/employers',
    purpose: 'Register an employer (job development)',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: REGISTERS_ITSELF,
  },
  {
    route: 'GET /employer/employers',
    purpose: 'The employers registered so far, by name, to pick from in job development (organisations only).',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/placements',
    purpose: 'Start a competitive job for an enrolled participant: an ordinary job at an ordinary wage.',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: [
      ACTS_FOR_EMPLOYER,
      'and only for an enrolled participant the team linked to it (an employer contact the employment specialist recorded) whose consent in force discloses to employers, else 404 as for an unknown participant',
      "staff: work need on the body's participantId, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    ],
    workNeed: 'body-participantId',
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/follow-along-contacts',
    purpose: 'Record follow-along support with the worker, the employer or both.',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: [
      ACTS_FOR_EMPLOYER,
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    ],
    workNeed: 'path-id',
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/terms',
    purpose: 'Change hours or wage (benefits counselling is due again).',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: [
      ACTS_FOR_EMPLOYER,
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    ],
    workNeed: 'path-id',
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/end',
    purpose: 'End the job',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: [
      ACTS_FOR_EMPLOYER,
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    ],
    workNeed: 'path-id',
  },
  {
    route: 'POST /employer/contact-requests',
    purpose: 'The 24/7 line: an employer asks the team for contact about its placement',
    who: ['employer/employer'],
    relation: ACTS_FOR_EMPLOYER,
  },
  {
    route: 'GET /employer/contact-requests',
    purpose:
      "Requests with their status history, newest first: an employer its own; team staff their teams' (and those about participants naming them, or that they hold); the crisis service those escalated to it",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/employer',
    ],
    relation: [
      LINE_REACH.employer,
      "staff: the requests about the participants of their current teams, those naming them, and those they hold or are the participant's specialist for",
      LINE_REACH.crisisService,
    ],
  },
  {
    route: 'GET /employer/contact-requests/stream',
    purpose:
      "Server-sent events for the staff web app: every request of the reader's teams received, escalated, acknowledged or resolved, as it happens, with the employer's name and the participant's own specialist (the crisis service: what reaches its tier)",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
  },
  {
    route: 'GET /employer/contact-requests/:requestId',
    purpose: 'One request with its status history',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/employer',
    ],
    relation: [LINE_REACH, 'a request out of their reach: 404, as for an unknown one'],
  },
  {
    route: 'POST /employer/contact-requests/:requestId/acknowledge',
    purpose: 'Take the request: escalation stops',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation: LINE_REACH.crisisService,
  },
  {
    route: 'POST /employer/contact-requests/:requestId/resolve',
    purpose: 'Close the request with a note for the team (never shown to the employer); stops escalation too.',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation: LINE_REACH.crisisService,
  },
  {
    route: 'PUT /employer/on-call/teams/:teamId',
    purpose:
      "Transition only: define (or redefine) an on-call team of the line's own under an id you choose (its time zone and whose participants it covers) while the programme defines no team. Once it has one, the on-call teams are the programme's teams: 409 ON_CALL.USE_PROGRAMME_TEAMS (define the team with PUT /programme/teams/:teamId and schedule shifts on its id); on-call teams defined before keep their shifts and routing",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/on-call/teams/:teamId/shifts',
    purpose:
      "Put a specialist or supervisor on call for a programme team from one time to another (local times are read in the team's zone, across daylight-saving changes); the worker is one of its welfare-office members in the shift's role for the whole shift (else 422 TEAM.NOT_A_MEMBER). An on-call team from before teams takes shifts only while the programme defines none (then 409 ON_CALL.USE_PROGRAMME_TEAMS)",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/on-call/teams/:teamId/shifts/:shiftId/cancel',
    purpose: 'Cancel an on-call shift; requests from then on go to whoever else is on call',
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'GET /employer/on-call/teams/:teamId',
    purpose:
      "The team's on-call (a programme team, or an on-call team from before teams): who is on call at an instant (now when left out) and the shifts ahead, in UTC and local time.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /municipality/participants/:id/services',
    purpose: 'Grant a municipal service: housing, social assistance or an activity service',
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /municipality/participants/:id/services/:serviceId/end',
    purpose: 'End a municipal service, on its last day.',
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /municipality/participants/:id/contact-person',
    purpose:
      "Name the participant's contact person at the municipality; a later one replaces it. Once teams are defined the contact person is picked from the participant's team: a municipal worker who is a member today (else 422 TEAM.NOT_A_MEMBER).",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
    relation:
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant)",
    workNeed: 'path-id',
  },
  {
    route: 'POST /municipality/crisis-duty',
    purpose: 'Put a worker on crisis duty from one instant to another; the employer line calls whoever is on duty.',
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'POST /municipality/crisis-duty/:shiftId/cancel',
    purpose: 'Cancel a crisis duty shift; from then on nobody is on duty through it.',
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'GET /municipality/crisis-duty/on-duty',
    purpose:
      "Who to call on the crisis service at an instant (now when left out), and the rota ahead (the duty screen): shifts not cancelled. The employer service asks it, as itself, to route the line's third tier.",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/service',
    ],
  },
  {
    route: 'GET /team-view/participants/:id/access-log',
    purpose: 'Who read or wrote this participant’s data, and when: for the participant and supervisors.',
    who: ['participant/participant', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation: [
      ACCESS_LOG_READER,
      "staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant; or an emergency access in force)",
    ],
    workNeed: 'path-id',
    emergencyAccess: true,
  },
  {
    route: 'GET /team-view/board',
    purpose:
      'Per employment specialist: active caseload and alerts (no employer contact 30 days after enrolment, no contact for 14 days, relapse flag past review, job start without benefits counselling, employer contact-line requests open or not acknowledged in time)',
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation: [
      "one team's board: `team`, a team the reader is on (else 404 TEAM.NOT_FOUND), by default the first of their teams by name; only that team's participants",
      OWN_CASELOAD,
      'while no team is defined, every specialist',
    ],
  },
  {
    route: 'GET /team-view/fidelity',
    purpose:
      'IPS-25 fidelity items computed live from the team’s shared events, for supervisors: per item the score 1–5 by the anchors (docs/fidelity-anchors.md), the figures it was read from and the participants and events behind it',
    who: ['welfare-office/supervisor'],
    relation:
      "counts only the participants of `team` (a team the reader is on, else 404 TEAM.NOT_FOUND) or of all the reader's teams; `specialist` narrows to one caseload; names participants only through events the reader may see",
  },
  {
    route: 'POST /team-view/fidelity/reviews',
    purpose: 'Open a fidelity review of a team (or the programme) over a period, naming its reviewers.',
    who: ['welfare-office/supervisor'],
    relation:
      "a review's team is one the reader is on (else 404 TEAM.NOT_FOUND); a review of another team reads as unknown (404 FIDELITY_REVIEW.NOT_FOUND); the list shows the reader's teams' reviews and those opened for all of a reader's teams",
  },
  {
    route: 'GET /team-view/fidelity/reviews',
    purpose: 'Every fidelity review, with its total and band once complete: how the programme moves over time.',
    who: ['welfare-office/supervisor'],
    relation:
      "a review's team is one the reader is on (else 404 TEAM.NOT_FOUND); a review of another team reads as unknown (404 FIDELITY_REVIEW.NOT_FOUND); the list shows the reader's teams' reviews and those opened for all of a reader's teams",
  },
  {
    route: 'GET /team-view/fidelity/reviews/:reviewId',
    purpose: 'One review: every item with its score and where it comes from, the total and band once all 25 are scored.',
    who: ['welfare-office/supervisor'],
    relation:
      "a review's team is one the reader is on (else 404 TEAM.NOT_FOUND); a review of another team reads as unknown (404 FIDELITY_REVIEW.NOT_FOUND); the list shows the reader's teams' reviews and those opened for all of a reader's teams",
  },
  {
    route: 'PUT /team-view/fidelity/reviews/:reviewId/items/:item',
    purpose: "A reviewer's score and note for an item the events cannot score.",
    who: ['welfare-office/supervisor'],
    relation: 'only the reviewers named when the review was opened',
  },
  {
    route: 'POST /team-view/fidelity/reviews/:reviewId/completion',
    purpose: 'Complete the review once all 25 items have a score: the computed scores are frozen, with the total and band.',
    who: ['welfare-office/supervisor'],
  },
  {
    route: 'GET /team-view/outcomes/report',
    purpose:
      'The printable quarterly report (HTML, laid out for A4: print it or save it as PDF): the outcomes against the benchmarks, the fidelity items computed from events for the quarter, and the latest completed fidelity review',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/supervisor',
      'municipality/supervisor',
    ],
    relation:
      "counts only the participants of `team` (a team the reader is on, else 404 TEAM.NOT_FOUND) or of all the reader's teams; `specialist` narrows to one caseload; names participants only through events the reader may see",
  },
  {
    route: 'GET /team-view/outcomes',
    purpose:
      'Quarterly outcome figures (employment rate against the IPS benchmarks 31/41/50 %, job starts, days to first job, longest job, steady workers, hours, wage, length of stay)',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/supervisor',
      'municipality/supervisor',
    ],
    relation:
      "counts only the participants of `team` (a team the reader is on, else 404 TEAM.NOT_FOUND) or of all the reader's teams; `specialist` narrows to one caseload; names participants only through events the reader may see",
  },
  {
    route: 'GET /team-view/participants',
    purpose:
      "The reader's caseload with alerts: `mine` the participants whose record names them, `all` the participants of their teams plus those naming them; `team` narrows to one of their teams.",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation:
      "staff: the participants of the reader's current teams and those whose record names them, never another team's (a team they are not on: 404 TEAM.NOT_FOUND); while no team is defined, every participant; only participants with entries the latest consent lets the reader see; each one listed is audited",
  },
  {
    route: 'GET /team-view/participants/:id/stream',
    purpose: "Server-sent events for the web app: the participant's new timeline entries as they are recorded.",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/employer',
      'participant/participant',
    ],
    relation:
      "as the timeline, checked again for every entry (consent in force when it arrives; relapse flags never to employers); audited; staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant; or an emergency access in force)",
    workNeed: 'path-id',
    emergencyAccess: true,
  },
  {
    route: 'GET /team-view/changes',
    purpose:
      "Server-sent events for the staff web app: the ids of the reader's participants that have new entries, so an open caseload, board or participant page reads again (ids only).",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation:
      "only participants the reader has work need for when the change arrives (member of the participant's current team, or named on the record); nothing else about them",
  },
  {
    route: 'GET /team-view/employer-placements',
    purpose: "An employer's own placements (job title, start, end), to choose one when calling the 24/7 line; nothing about the participant.",
    who: ['employer/employer'],
    relation: 'employer: own placements only',
  },
  {
    route: 'GET /team-view/participants/:id',
    purpose: "The participant at a glance, from what the reader's agency and role may see.",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/employer',
      'participant/participant',
    ],
    relation: [
      OWN_RECORD,
      "staff and employers: the entries the latest consent lets them see (else 404); staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant; or an emergency access in force)",
    ],
    workNeed: 'path-id',
    emergencyAccess: true,
  },
  {
    route: 'GET /team-view/participants/:id/timeline',
    purpose: 'Everything the team recorded about the participant, across agencies, oldest first.',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
      'employer/employer',
      'participant/participant',
    ],
    relation: [
      OWN_RECORD,
      "staff and employers: the entries the latest consent lets them see (else 404); staff: work need, checked by the auth guard (member of the participant's current team, or named on the record; else 404 as for an unknown participant; or an emergency access in force)",
    ],
    workNeed: 'path-id',
    emergencyAccess: true,
  },
  {
    route: 'PUT /programme/teams/:teamId',
    purpose:
      'Define an IPS team under an id the administrator chooses, or change its name, municipality or time zone; the same definition again changes nothing.',
    who: ['programme/administrator'],
  },
  {
    route: 'POST /programme/teams/:teamId/members',
    purpose: "Add a person (token subject, display name, agency, role) to the team from a day: from then they work with the team's participants.",
    who: ['programme/administrator', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation:
      'the administrator, or a supervisor of this team today (anyone else: 404 TEAM.NOT_FOUND, as for an unknown team); only the administrator names supervisors',
  },
  {
    route: 'POST /programme/teams/:teamId/members/:sub/end',
    purpose: "End a person's membership: access through the team ends that day.",
    who: ['programme/administrator', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation:
      'the administrator, or a supervisor of this team today (anyone else: 404 TEAM.NOT_FOUND); a supervisor is removed by the administrator or steps down themselves',
  },
  {
    route: 'GET /programme/teams',
    purpose:
      "The teams the reader works with and their members: every team for the programme's staff; for staff, the teams they are on today. With ?history=true the administrator, and a supervisor for their own teams, also see ended periods. Staff data only: nothing of a participant, so no participant's access log records it.",
    who: [
      'programme/administrator',
      'programme/coordinator',
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation: TEAM_LIST,
  },
  {
    route: 'POST /team-view/participants/:id/emergency-access',
    purpose:
      'Emergency access ("break the glass"): staff with no relation to a participant open that one record for a limited time (EMERGENCY_ACCESS_HOURS, default 4) with a reason code and the reason in words; written to the participant\'s access log, shown to the participant and listed for the team\'s supervisors to review (404 PARTICIPANT.NOT_FOUND for an unknown participant, 409 EMERGENCY_ACCESS.NOT_NEEDED when the reader already has a relation).',
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation:
      "staff with no relation to the participant (a member or a named person needs none: 409 EMERGENCY_ACCESS.NOT_NEEDED); the grant is the reader's own, for this one participant, until it expires or is ended",
  },
  {
    route: 'POST /team-view/emergency-access/:grantId/end',
    purpose: "End one's own emergency access before it expires (the record closes again at once).",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation: [GRANT_HOLDER, 'anyone else: 404 EMERGENCY_ACCESS.NOT_FOUND'],
  },
  {
    route: 'GET /team-view/emergency-access',
    purpose:
      "The emergency accesses to the participants of the reader's teams, for the team's supervisors to review: who, why, when, until when, reviewed or not; `team` narrows to one of their teams, `reviewed=false` to those still to review. The reader's own grants for the staff who hold them.",
    who: [
      'welfare-office/caseworker',
      'welfare-office/employment-specialist',
      'welfare-office/supervisor',
      'mental-health/clinician',
      'mental-health/supervisor',
      'municipality/municipal-worker',
      'municipality/supervisor',
    ],
    relation:
      'supervisors: the grants to the participants of the teams they supervise (a team they do not supervise: 404 TEAM.NOT_FOUND); other staff: only their own grants',
  },
  {
    route: 'POST /team-view/emergency-access/:grantId/review',
    purpose: 'A supervisor marks an emergency access reviewed, with a note (once; 409 EMERGENCY_ACCESS.ALREADY_REVIEWED after).',
    who: ['welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation:
      "a supervisor of the team the participant was on when the access was granted (anyone else: 404 EMERGENCY_ACCESS.NOT_FOUND); not one's own grant (422 EMERGENCY_ACCESS.OWN_GRANT)",
  },
  {
    route: 'GET /programme/outcomes',
    purpose:
      'Quarterly outcomes per team and in total, side by side, for a county coordinator or the directorate: counts, rates, means and medians only, cells under 5 participants (and figures computed over 1–4) shown as "<5" with secondary suppression ("suppressed"); never a participant (no ids, names, dates of birth or drivers). `quarter` required (400 REQUEST.INVALID), `teams` comma-separated team ids (unknown: 404 TEAM.NOT_FOUND). Accept: text/csv gives CSV, Accept: text/html the printable report (with the quarter\'s computed fidelity items per team). Served by the team view.',
    who: ['programme/coordinator'],
    relation: 'aggregate only: every team (or `teams`), audited as an aggregate read',
  },
  {
    route: 'GET /programme/fidelity',
    purpose:
      'The IPS-25 items computed from events, per team and in total, over a period (`from`, `to`): scores and figures, suppressed as the outcomes are (a score read from 1–4 participants is "<5"); no drivers, no per-specialist breakdown and no participant. Accept: text/csv gives CSV. Served by the team view.',
    who: ['programme/coordinator'],
    relation: 'aggregate only: every team (or `teams`), audited as an aggregate read',
  },
];
