import { PolicyRow } from './policy-row';

/**
 * Who may call which route: the one table the auth guard enforces (a route missing here is refused).
 * `who` is agency/role; `relation` names the check on the participant or placement that the route makes
 * on top (consent at read time, own placement, self). docs/access-policy.md is generated from this file.
 */
export const ACCESS_POLICY: readonly PolicyRow[] = [
  {
    route: 'GET /health',
    purpose: "Ready to serve: the database answers",
    who: 'anyone',
  },
  {
    route: 'GET /auth/config',
    purpose: "How the web app signs in here: the demo sign-in (embedded profile) and/or the OpenID Connect providers",
    who: 'anyone',
  },
  {
    route: 'GET /auth/demo-users',
    purpose: "Embedded profile only: the demo users one may sign in as, while the demo sign-in is on (DEMO_SIGN_IN=on, or the data directory holds the seeded demo team); 404 AUTH.DEMO_SIGN_IN_OFF while off; not mounted with DEMO_SIGN_IN=off",
    who: 'anyone',
  },
  {
    route: 'POST /auth/demo-sign-in',
    purpose: "Embedded profile only: a token of the embedded key for a demo user, while the demo sign-in is on (DEMO_SIGN_IN=on, or the data directory holds the seeded demo team); 404 AUTH.DEMO_SIGN_IN_OFF while off; not mounted with DEMO_SIGN_IN=off",
    who: 'anyone',
  },
  {
    route: 'POST /welfare-office/referrals',
    purpose: "Refer someone to IPS, to a team (`teamId` required once teams are defined, else 400; an unknown team 404 TEAM.NOT_FOUND; while no team is defined, the default team)",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/transfer',
    purpose: "Move the participant to another IPS team from a day on (today when left out; at most 30 days back or ahead), with the reason; the earlier teams stay in the history (404 TEAM.NOT_FOUND, 409 TEAM.SAME_TEAM, 422 TRANSFER.DATE_OUT_OF_RANGE).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation: "the new team must be one the programme defined (else 404 TEAM.NOT_FOUND)",
  },
  {
    route: 'POST /welfare-office/participants/:id/enrolment',
    purpose: "Put a referred participant on an employment specialist's caseload, with a fixed contact person.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/referral-withdrawal',
    purpose: "End a referral by the participant's own choice, with their reason.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/consents',
    purpose: "Record the participant's consent: who shares the record, and whether an employer may be told",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/consent-withdrawal',
    purpose: "Withdraw consent: from now on each agency sees only its own entries.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/career-profile',
    purpose: "Create the career profile from the first meetings.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'PUT /welfare-office/participants/:id/career-profile',
    purpose: "Replace the career profile (after every job, and whenever needed).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/action-plans',
    purpose: "Record the participant's own action plan; a later one replaces it.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/benefits-counselling',
    purpose: "Record a benefits counselling session (before a job starts, and when hours or pay change).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/employer-contacts',
    purpose: "Record the employment specialist's contact with an employer for this participant (job development).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/contacts',
    purpose: "Record a meeting or call with the participant.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/discharge',
    purpose: "Discharge or transition, with a reason (never missed appointments; 422 DISCHARGE.REASON_NOT_ALLOWED).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'PUT /welfare-office/participants/:id/contact-details',
    purpose: "Replace how the team reaches the participant (phone, e-mail); a field left out is cleared.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /welfare-office/participants/:id/erasure',
    purpose: "Erase the participant's personal data (a supervisor): their key is destroyed, so names, birth date, phone numbers and free text read as [erased] everywhere; the rest of the record stays.",
    who: ['welfare-office/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/treatment-team',
    purpose: "Link the participant's treatment team and clinician to the IPS team; a new link after treatment ended starts a new treatment.",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/integration-meetings',
    purpose: "Record a meeting of treatment team and employment specialist about the participant: who attended, what was decided.",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags',
    purpose: "Raise an early warning of relapse to the IPS team",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags/:flagId/changes',
    purpose: "Change the level, review date or agreed actions of the open flag (a review: the next one must lie ahead).",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/relapse-flags/:flagId/clear',
    purpose: "Clear the warning: it is over",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /mental-health/participants/:id/treatment-end',
    purpose: "End treatment at this service",
    who: ['mental-health/clinician', 'mental-health/supervisor'],
  },
  {
    route: 'POST /employer/employers',
    purpose: "Register an employer (job development)",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: "employer: registers itself",
  },
  {
    route: 'GET /employer/employers',
    purpose: "The employers registered so far, by name, to pick from in job development (organisations only).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/placements',
    purpose: "Start a competitive job for an enrolled participant: an ordinary job at an ordinary wage.",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: "employer: only for itself (else 403), and only for an enrolled participant the team linked to it (an employer contact the employment specialist recorded) whose consent in force discloses to employers; else 404 as for an unknown participant",
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/follow-along-contacts',
    purpose: "Record follow-along support with the worker, the employer or both.",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: "employer: own placements only",
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/terms',
    purpose: "Change hours or wage (benefits counselling is due again).",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: "employer: own placements only",
  },
  {
    route: 'POST /employer/participants/:id/placements/:placementId/end',
    purpose: "End the job",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor', 'employer/employer'],
    relation: "employer: own placements only",
  },
  {
    route: 'POST /employer/contact-requests',
    purpose: "The 24/7 line: an employer asks the team for contact about its placement",
    who: ['employer/employer'],
    relation: "employer: own placements only",
  },
  {
    route: 'GET /employer/contact-requests',
    purpose: "Requests with their status history, newest first: an employer its own, the team all, the crisis service those escalated to it",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/employer'],
    relation: "employer: own requests; crisis service: requests escalated to it",
  },
  {
    route: 'GET /employer/contact-requests/stream',
    purpose: "Server-sent events for the staff web app: every request received, escalated, acknowledged or resolved, as it happens (the crisis service: what reaches its tier)",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'GET /employer/contact-requests/:requestId',
    purpose: "One request with its status history",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/employer'],
    relation: "employer: own requests (else 404); crisis service: requests escalated to it",
  },
  {
    route: 'POST /employer/contact-requests/:requestId/acknowledge',
    purpose: "Take the request: escalation stops",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor'],
    relation: "crisis service: requests escalated to it",
  },
  {
    route: 'POST /employer/contact-requests/:requestId/resolve',
    purpose: "Close the request with a note for the team (never shown to the employer); stops escalation too.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor'],
    relation: "crisis service: requests escalated to it",
  },
  {
    route: 'PUT /employer/on-call/teams/:teamId',
    purpose: "Define (or redefine) an on-call team under an id you choose: its time zone and whose participants its on-call covers",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/on-call/teams/:teamId/shifts',
    purpose: "Put a specialist or supervisor on call for the team from one time to another (local times are read in the team's zone, across daylight-saving changes)",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /employer/on-call/teams/:teamId/shifts/:shiftId/cancel',
    purpose: "Cancel an on-call shift; requests from then on go to whoever else is on call",
    who: ['welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'GET /employer/on-call/teams/:teamId',
    purpose: "The team's on-call: who is on call at an instant (now when left out) and the shifts ahead, in UTC and local time.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
  },
  {
    route: 'POST /municipality/participants/:id/services',
    purpose: "Grant a municipal service: housing, social assistance or an activity service",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'POST /municipality/participants/:id/services/:serviceId/end',
    purpose: "End a municipal service, on its last day.",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'POST /municipality/participants/:id/contact-person',
    purpose: "Name the participant's contact person at the municipality; a later one replaces it.",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'POST /municipality/crisis-duty',
    purpose: "Put a worker on crisis duty from one instant to another; the employer line calls whoever is on duty.",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'POST /municipality/crisis-duty/:shiftId/cancel',
    purpose: "Cancel a crisis duty shift; from then on nobody is on duty through it.",
    who: ['municipality/municipal-worker', 'municipality/supervisor'],
  },
  {
    route: 'GET /municipality/crisis-duty/on-duty',
    purpose: "Who to call on the crisis service at an instant (now when left out): shifts not cancelled. The employer service asks it, as itself, to route the line's third tier.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/service'],
  },
  {
    route: 'GET /team-view/participants/:id/access-log',
    purpose: "Who read or wrote this participant’s data, and when: for the participant and supervisors.",
    who: ['participant/participant', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation: "participant: only self; supervisors: any participant",
  },
  {
    route: 'GET /team-view/board',
    purpose: "Per employment specialist: active caseload and alerts (no employer contact 30 days after enrolment, no contact for 14 days, relapse flag past review, job start without benefits counselling, employer contact-line requests open or not acknowledged in time)",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor'],
    relation: "employment specialist: own caseload; others: every specialist",
  },
  {
    route: 'GET /team-view/fidelity',
    purpose: "IPS-25 fidelity items computed live from the team’s shared events, for supervisors: per item the score 1–5 by the anchors (docs/fidelity-anchors.md), the figures it was read from and the participants and events behind it",
    who: ['welfare-office/supervisor'],
    relation: "names participants only through events the reader may see",
  },
  {
    route: 'POST /team-view/fidelity/reviews',
    purpose: "Open a fidelity review of a team (or the programme) over a period, naming its reviewers.",
    who: ['welfare-office/supervisor'],
  },
  {
    route: 'GET /team-view/fidelity/reviews',
    purpose: "Every fidelity review, with its total and band once complete: how the programme moves over time.",
    who: ['welfare-office/supervisor'],
  },
  {
    route: 'GET /team-view/fidelity/reviews/:reviewId',
    purpose: "One review: every item with its score and where it comes from, the total and band once all 25 are scored.",
    who: ['welfare-office/supervisor'],
    relation: "names participants only through events the reader may see",
  },
  {
    route: 'PUT /team-view/fidelity/reviews/:reviewId/items/:item',
    purpose: "A reviewer's score and note for an item the events cannot score.",
    who: ['welfare-office/supervisor'],
    relation: "only the reviewers named when the review was opened",
  },
  {
    route: 'POST /team-view/fidelity/reviews/:reviewId/completion',
    purpose: "Complete the review once all 25 items have a score: the computed scores are frozen, with the total and band.",
    who: ['welfare-office/supervisor'],
  },
  {
    route: 'GET /team-view/outcomes/report',
    purpose: "The printable quarterly report (HTML, laid out for A4: print it or save it as PDF): the outcomes against the benchmarks, the fidelity items computed from events for the quarter, and the latest completed fidelity review",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
  },
  {
    route: 'GET /team-view/outcomes',
    purpose: "Quarterly outcome figures (employment rate against the IPS benchmarks 31/41/50 %, job starts, days to first job, longest job, steady workers, hours, wage, length of stay)",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
  },
  {
    route: 'GET /team-view/participants',
    purpose: "The reader's caseload with alerts: the participants whose record names them (`mine`), or every participant with entries they may see (`all`).",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/clinician', 'mental-health/supervisor', 'municipality/municipal-worker', 'municipality/supervisor'],
    relation: "only participants with entries the latest consent lets the reader see; each one listed is audited",
  },
  {
    route: 'GET /team-view/participants/:id/stream',
    purpose: "Server-sent events for the web app: the participant's new timeline entries as they are recorded.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/clinician', 'mental-health/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/employer', 'participant/participant'],
    relation: "as the timeline, checked again for every entry (consent in force when it arrives; relapse flags never to employers); audited",
  },
  {
    route: 'GET /team-view/employer-placements',
    purpose: "An employer's own placements (job title, start, end), to choose one when calling the 24/7 line; nothing about the participant.",
    who: ['employer/employer'],
    relation: "employer: own placements only",
  },
  {
    route: 'GET /team-view/participants/:id',
    purpose: "The participant at a glance, from what the reader's agency and role may see.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/clinician', 'mental-health/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/employer', 'participant/participant'],
    relation: "participant: only self; staff and employers: the entries the latest consent lets them see (else 404)",
  },
  {
    route: 'GET /team-view/participants/:id/timeline',
    purpose: "Everything the team recorded about the participant, across agencies, oldest first.",
    who: ['welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/clinician', 'mental-health/supervisor', 'municipality/municipal-worker', 'municipality/supervisor', 'employer/employer', 'participant/participant'],
    relation: "participant: only self; staff and employers: the entries the latest consent lets them see (else 404)",
  },
  {
    route: 'PUT /programme/teams/:teamId',
    purpose: "Define an IPS team under an id the administrator chooses, or change its name, municipality or time zone; the same definition again changes nothing.",
    who: ['programme/administrator'],
  },
  {
    route: 'POST /programme/teams/:teamId/members',
    purpose: "Add a person (token subject, display name, agency, role) to the team from a day: from then they work with the team's participants.",
    who: ['programme/administrator', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation: "the administrator, or a supervisor of this team today (anyone else: 404 TEAM.NOT_FOUND, as for an unknown team); only the administrator names supervisors",
  },
  {
    route: 'POST /programme/teams/:teamId/members/:sub/end',
    purpose: "End a person's membership: access through the team ends that day.",
    who: ['programme/administrator', 'welfare-office/supervisor', 'mental-health/supervisor', 'municipality/supervisor'],
    relation: "the administrator, or a supervisor of this team today (anyone else: 404 TEAM.NOT_FOUND); a supervisor is removed by the administrator or steps down themselves",
  },
  {
    route: 'GET /programme/teams',
    purpose: "The teams the reader works with and their members: every team for the programme's staff; for staff, the teams they are on today. With ?history=true the administrator, and a supervisor for their own teams, also see ended periods. Staff data only: nothing of a participant, so no participant's access log records it.",
    who: ['programme/administrator', 'programme/coordinator', 'welfare-office/caseworker', 'welfare-office/employment-specialist', 'welfare-office/supervisor', 'mental-health/clinician', 'mental-health/supervisor', 'municipality/municipal-worker', 'municipality/supervisor'],
    relation: "programme: every team; staff: their current teams (none: an empty list); history for the administrator and each team's supervisors",
  },
];
