import { Field, FormSpec } from '../Form';

/** The forms' fields, as the API's DTOs take them (the send function is the screen's). */
type Spec = Omit<FormSpec, 'send'>;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const referralForm: Spec = {
  id: 'referral',
  title: 'referral',
  fields: [
    { name: 'givenName', label: 'givenName', kind: 'text', required: true },
    { name: 'familyName', label: 'familyName', kind: 'text', required: true },
    { name: 'birthDate', label: 'birthDate', kind: 'date', required: true },
    { name: 'referredBy', label: 'referredBy', kind: 'text', required: true },
    { name: 'reason', label: 'reason', kind: 'textarea' },
  ],
};

/** The referral form with a choice of the reader's teams, the first chosen; without teams, as it is. */
export function withTeamField(spec: Spec, teams: readonly { teamId: string; name: string }[]): Spec {
  if (teams.length === 0) return spec;
  const options = teams.map((team) => ({ value: team.teamId, text: team.name }));
  return { ...spec, fields: [{ name: 'teamId', label: 'teamId', kind: 'select', options, required: true, initial: options[0]?.value ?? '' }, ...spec.fields] };
}

/** A person the form may name: the login id the API takes, and how the reader knows them (display name, role). */
export interface StaffOption {
  readonly value: string;
  readonly text: string;
}

/**
 * A field that names a member of staff: a choice of the participant's team's members when there are any, else the
 * login id as free text (no team defined yet, or none of that kind on it). `initial` is chosen when it is a choice.
 */
export function staffField(name: string, label: Field['label'], freeTextLabel: Field['label'], people: readonly StaffOption[], initial = ''): Field {
  if (people.length === 0) return { name, label: freeTextLabel, kind: 'text', required: true, initial };
  return { name, label, kind: 'select', options: people, required: true, initial: people.some((person) => person.value === initial) ? initial : '' };
}

export const enrolmentForm = (me: string, specialists: readonly StaffOption[] = [], contactPeople: readonly StaffOption[] = []): Spec => ({
  id: 'enrolment',
  title: 'enrolment',
  fields: [
    staffField(
      'employmentSpecialistId',
      'employmentSpecialist',
      'employmentSpecialistId',
      specialists,
      specialists.length > 0 || me.startsWith('es-') ? me : '',
    ),
    staffField('contactPersonId', 'contactPerson', 'contactPersonId', contactPeople),
  ],
});

/** The consent in force (the latest given, or none): a new consent replaces it whole, so the form opens with it. */
export interface ConsentValues {
  readonly shareWith: readonly string[];
  readonly employerDisclosure: boolean;
}

export const consentForm = (inForce: ConsentValues | null): Spec => ({
  id: 'consent',
  title: 'consent',
  fields: [
    { name: 'shareWith', label: 'shareWith', kind: 'checkboxes', options: ['mental-health', 'employer', 'municipality'], initial: inForce?.shareWith ?? [] },
    { name: 'employerDisclosure', label: 'employerDisclosure', kind: 'checkbox', initial: inForce?.employerDisclosure ?? false },
  ],
});

/** What an action plan holds: the one in force, a proposal, or nothing yet. */
export interface PlanValues {
  readonly goals?: readonly string[];
  readonly jobPreferences?: readonly string[];
  readonly hoursPerWeek?: number;
  readonly supportsWanted?: readonly string[];
}

const planFields = (plan: PlanValues | null): Field[] => [
  { name: 'goals', label: 'goals', kind: 'lines', required: true, initial: (plan?.goals ?? []).join('\n') },
  { name: 'jobPreferences', label: 'jobPreferences', kind: 'lines', required: true, initial: (plan?.jobPreferences ?? []).join('\n') },
  {
    name: 'hoursPerWeek',
    label: 'hoursPerWeek',
    kind: 'number',
    required: true,
    min: 1,
    max: 60,
    step: 1,
    initial: plan?.hoursPerWeek ? String(plan.hoursPerWeek) : '',
  },
  { name: 'supportsWanted', label: 'supportsWanted', kind: 'lines', required: true, initial: (plan?.supportsWanted ?? []).join('\n') },
];

/** The participant's own action plan: a later one replaces it, so the form opens with the one in force (or a proposal). */
export const actionPlanForm = (plan: PlanValues | null): Spec => ({ id: 'action-plan', title: 'actionPlan', fields: planFields(plan) });

export const participantContactForm: Spec = {
  id: 'participant-contact',
  title: 'participantContact',
  fields: [
    { name: 'contactedOn', label: 'contactedOn', kind: 'date', required: true, initial: today() },
    { name: 'mode', label: 'mode', kind: 'radio', options: ['in-person', 'phone', 'video', 'message'], initial: 'in-person' },
    { name: 'inCommunity', label: 'inCommunity', kind: 'checkbox' },
    { name: 'note', label: 'note', kind: 'textarea' },
  ],
};

/** The employer directory, and a new one for those who may register employers (not a caseworker: the API says 403). */
export const employerFields = (known: readonly { id: string; name: string }[], newLabel: string, mayRegister = true): Field[] => [
  {
    name: 'employerId',
    label: 'employer',
    kind: 'select',
    required: true,
    options: [...known.map((e) => ({ value: e.id, text: e.name })), ...(mayRegister ? [{ value: 'new', text: newLabel }] : [])],
  },
  ...(mayRegister
    ? ([
        { name: 'employerName', label: 'employerName', kind: 'text' },
        { name: 'organisationNumber', label: 'organisationNumber', kind: 'text' },
      ] as Field[])
    : []),
];

export const employerContactFields: Field[] = [
  { name: 'kind', label: 'kind', kind: 'radio', options: ['face-to-face', 'phone', 'video', 'email'], initial: 'face-to-face' },
  { name: 'contactedOn', label: 'contactedOn', kind: 'date', initial: today() },
  { name: 'note', label: 'note', kind: 'textarea' },
];

export const placementFields: Field[] = [
  { name: 'jobTitle', label: 'jobTitle', kind: 'text', required: true },
  { name: 'startDate', label: 'startDate', kind: 'date', required: true, initial: today() },
  { name: 'hoursPerWeek', label: 'hoursPerWeek', kind: 'number', required: true, min: 1, max: 60 },
  { name: 'hourlyWage', label: 'hourlyWage', kind: 'number', required: true, min: 0 },
];

export const followAlongFields = (placements: readonly { value: string; text: string }[]): Field[] => [
  {
    name: 'placementId',
    label: 'placementId',
    kind: 'select',
    options: placements,
    required: true,
    initial: placements.length === 1 ? placements[0]?.value : '',
  },
  { name: 'contactedOn', label: 'contactedOn', kind: 'date', required: true, initial: today() },
  { name: 'with', label: 'with', kind: 'radio', options: ['worker', 'employer', 'both'], initial: 'worker' },
  { name: 'note', label: 'note', kind: 'textarea' },
];

export const relapseFlagForm: Spec = {
  id: 'relapse-flag',
  title: 'relapseFlag',
  fields: [
    { name: 'level', label: 'level', kind: 'radio', options: ['watch', 'elevated', 'acute'], initial: 'watch' },
    { name: 'reviewBy', label: 'reviewBy', kind: 'date', required: true, initial: inDays(14) },
    { name: 'actions', label: 'actions', kind: 'lines' },
  ],
};

export const clearFlagForm: Spec = { id: 'clear-flag', title: 'clearFlag', fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }] };

export const treatmentTeamForm = (me: string, clinicians: readonly StaffOption[] = []): Spec => ({
  id: 'treatment-team',
  title: 'treatmentTeam',
  fields: [{ name: 'teamName', label: 'teamName', kind: 'text', required: true }, staffField('clinicianId', 'clinician', 'clinicianId', clinicians, me)],
});

/** The programme's administrator defines a team; its id is made by the client (PUT /programme/teams/:teamId). */
export const defineTeamForm: Spec = {
  id: 'define-team',
  title: 'newTeam',
  fields: [
    { name: 'name', label: 'teamTitle', kind: 'text', required: true },
    { name: 'municipality', label: 'municipality', kind: 'text', required: true },
    { name: 'timeZone', label: 'timeZone', kind: 'text', required: true, initial: 'Europe/Oslo' },
  ],
};

/** Adds a person to a team: `role` is `agency/role`, so only the roles of an agency can be chosen. */
export const addMemberForm = (teamId: string, roles: readonly StaffOption[]): Spec => ({
  id: `add-member-${teamId}`,
  title: 'addMember',
  fields: [
    { name: 'displayName', label: 'displayName', kind: 'text', required: true },
    { name: 'sub', label: 'sub', kind: 'text', required: true },
    { name: 'role', label: 'memberRole', kind: 'select', options: roles, required: true },
    { name: 'from', label: 'memberFrom', kind: 'date' },
  ],
});

/** Ends a person's membership of a team, today when no day is given. */
export const endMemberForm = (teamId: string, members: readonly StaffOption[]): Spec => ({
  id: `end-member-${teamId}`,
  title: 'endMember',
  fields: [
    { name: 'sub', label: 'member', kind: 'select', options: members, required: true },
    { name: 'on', label: 'endOn', kind: 'date' },
  ],
});

export const municipalServiceForm: Spec = {
  id: 'municipal-service',
  title: 'municipalService',
  fields: [
    { name: 'kind', label: 'kind', kind: 'radio', options: ['housing', 'social-assistance', 'activity'], initial: 'housing' },
    { name: 'grantedFrom', label: 'grantedFrom', kind: 'date', initial: today() },
    { name: 'note', label: 'note', kind: 'textarea' },
  ],
};

/** The reasons the domain allows for a discharge or transition (never missed appointments), and for a job's end. */
export const DISCHARGE_REASONS = [
  'steady-employment',
  'participant-choice',
  'moved-away',
  'transition-to-other-service',
  'education',
  'deceased',
  'other',
] as const;
export const JOB_END_REASONS = ['resigned', 'dismissed', 'contract-ended', 'laid-off', 'health', 'other'] as const;

export const withdrawReferralForm: Spec = {
  id: 'referral-withdrawal',
  title: 'withdrawReferral',
  fields: [{ name: 'reason', label: 'withdrawalReason', kind: 'textarea', required: true }],
};

export const transferForm = (teams: readonly StaffOption[]): Spec => ({
  id: 'transfer',
  title: 'transfer',
  fields: [
    { name: 'toTeamId', label: 'toTeamId', kind: 'select', options: teams, required: true },
    { name: 'on', label: 'transferOn', kind: 'date', initial: today() },
    { name: 'reason', label: 'reason', kind: 'textarea', required: true },
  ],
});

export const consentWithdrawalForm: Spec = {
  id: 'consent-withdrawal',
  title: 'consentWithdrawal',
  fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
};

/** The career profile: created once, then replaced whole, so the form opens with the one in force. */
export const careerProfileForm = (
  inForce: { workHistory?: string; education?: string; strengths?: readonly string[]; interests?: readonly string[] } | null,
): Spec => ({
  id: 'career-profile',
  title: 'careerProfile',
  fields: [
    { name: 'workHistory', label: 'workHistory', kind: 'textarea', initial: inForce?.workHistory ?? '' },
    { name: 'education', label: 'education', kind: 'text', initial: inForce?.education ?? '' },
    { name: 'strengths', label: 'strengths', kind: 'lines', required: true, initial: (inForce?.strengths ?? []).join('\n') },
    { name: 'interests', label: 'interests', kind: 'lines', required: true, initial: (inForce?.interests ?? []).join('\n') },
  ],
});

export const benefitsCounsellingForm: Spec = {
  id: 'benefits-counselling',
  title: 'benefitsCounselling',
  fields: [
    { name: 'heldOn', label: 'heldOn', kind: 'date', required: true, initial: today() },
    { name: 'topics', label: 'topics', kind: 'lines', required: true },
    { name: 'note', label: 'note', kind: 'textarea' },
  ],
};

export const dischargeForm = (reasons: readonly StaffOption[]): Spec => ({
  id: 'discharge',
  title: 'discharge',
  fields: [
    { name: 'reason', label: 'dischargeReason', kind: 'select', options: reasons, required: true },
    { name: 'note', label: 'note', kind: 'textarea' },
  ],
});

export const contactDetailsForm = (inForce: { phone?: string; email?: string } | null): Spec => ({
  id: 'contact-details',
  title: 'contactDetails',
  fields: [
    { name: 'phone', label: 'phone', kind: 'tel', initial: inForce?.phone ?? '' },
    { name: 'email', label: 'email', kind: 'email', initial: inForce?.email ?? '' },
  ],
});

export const erasureForm: Spec = { id: 'erasure', title: 'erasure', fields: [] };

export const integrationMeetingForm = (people: readonly StaffOption[]): Spec => ({
  id: 'integration-meeting',
  title: 'integrationMeeting',
  fields: [
    { name: 'heldOn', label: 'heldOn', kind: 'date', required: true, initial: today() },
    people.length > 0
      ? { name: 'attendees', label: 'attendees', kind: 'checkboxes', options: people }
      : { name: 'attendees', label: 'attendeeIds', kind: 'lines', required: true },
    { name: 'decisions', label: 'decisions', kind: 'lines', required: true },
  ],
});

/** A change of the flag in force is a review: the form opens with its level and actions, and a new review date ahead. */
export const changeFlagForm = (flag: { level: string; actions?: readonly string[] }): Spec => ({
  id: 'change-flag',
  title: 'changeFlag',
  fields: [
    { name: 'level', label: 'level', kind: 'radio', options: ['watch', 'elevated', 'acute'], initial: flag.level },
    { name: 'reviewBy', label: 'reviewBy', kind: 'date', required: true, initial: inDays(14) },
    { name: 'actions', label: 'actions', kind: 'lines', initial: (flag.actions ?? []).join('\n') },
  ],
});

export const treatmentEndForm: Spec = {
  id: 'treatment-end',
  title: 'treatmentEnd',
  fields: [
    { name: 'endedOn', label: 'endedOn', kind: 'date', required: true, initial: today() },
    { name: 'reason', label: 'reason', kind: 'textarea' },
  ],
};

const placementChoice = (placements: readonly StaffOption[]): Field => ({
  name: 'placementId',
  label: 'placementId',
  kind: 'select',
  options: placements,
  required: true,
  initial: placements.length === 1 ? placements[0]?.value : '',
});

export const placementTermsForm = (placements: readonly StaffOption[]): Spec => ({
  id: 'placement-terms',
  title: 'placementTerms',
  fields: [
    placementChoice(placements),
    { name: 'effectiveFrom', label: 'effectiveFrom', kind: 'date', required: true, initial: today() },
    { name: 'hoursPerWeek', label: 'hoursPerWeek', kind: 'number', required: true, min: 1, max: 60 },
    { name: 'hourlyWage', label: 'hourlyWage', kind: 'number', required: true, min: 0 },
  ],
});

export const jobEndForm = (placements: readonly StaffOption[], reasons: readonly StaffOption[]): Spec => ({
  id: 'job-end',
  title: 'jobEnd',
  fields: [
    placementChoice(placements),
    { name: 'endDate', label: 'endDate', kind: 'date', required: true, initial: today() },
    { name: 'reason', label: 'jobEndReason', kind: 'select', options: reasons, required: true },
    { name: 'note', label: 'note', kind: 'textarea' },
  ],
});

export const municipalContactPersonForm = (people: readonly StaffOption[], me: string): Spec => ({
  id: 'municipal-contact-person',
  title: 'municipalContactPerson',
  fields: [staffField('contactPersonId', 'contactPerson', 'contactPersonId', people, me)],
});

export const serviceEndForm = (services: readonly StaffOption[]): Spec => ({
  id: 'service-end',
  title: 'serviceEnd',
  fields: [
    { name: 'serviceId', label: 'service', kind: 'select', options: services, required: true, initial: services.length === 1 ? services[0]?.value : '' },
    { name: 'endedOn', label: 'endedOn', kind: 'date', initial: today() },
    { name: 'reason', label: 'reason', kind: 'textarea' },
  ],
});

/** The participant's own proposal for their action plan, opening with the plan in force. */
export const planProposalForm = (plan: PlanValues | null): Spec => ({
  id: 'plan-proposal',
  title: 'planProposal',
  fields: [...planFields(plan), { name: 'note', label: 'proposalNote', kind: 'textarea' }],
});
