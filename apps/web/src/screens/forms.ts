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
    staffField('employmentSpecialistId', 'employmentSpecialist', 'employmentSpecialistId', specialists, specialists.length > 0 || me.startsWith('es-') ? me : ''),
    staffField('contactPersonId', 'contactPerson', 'contactPersonId', contactPeople),
  ],
});

export const consentForm: Spec = {
  id: 'consent',
  title: 'consent',
  fields: [
    { name: 'shareWith', label: 'shareWith', kind: 'checkboxes', options: ['mental-health', 'employer', 'municipality'] },
    { name: 'employerDisclosure', label: 'employerDisclosure', kind: 'checkbox' },
  ],
};

export const actionPlanForm: Spec = {
  id: 'action-plan',
  title: 'actionPlan',
  fields: [
    { name: 'goals', label: 'goals', kind: 'lines', required: true },
    { name: 'jobPreferences', label: 'jobPreferences', kind: 'lines', required: true },
    { name: 'hoursPerWeek', label: 'hoursPerWeek', kind: 'number', required: true, min: 1, max: 60, step: 1 },
    { name: 'supportsWanted', label: 'supportsWanted', kind: 'lines', required: true },
  ],
};

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

/** Employers the API has no directory of: the ones this browser registered or used, and a new one. */
export const employerFields = (known: readonly { id: string; name: string }[], newLabel: string): Field[] => [
  { name: 'employerId', label: 'employer', kind: 'select', options: [...known.map((e) => ({ value: e.id, text: e.name })), { value: 'new', text: newLabel }] },
  { name: 'employerName', label: 'employerName', kind: 'text' },
  { name: 'organisationNumber', label: 'organisationNumber', kind: 'text' },
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
  { name: 'placementId', label: 'placementId', kind: 'select', options: placements, required: true, initial: placements.length === 1 ? placements[0]?.value : '' },
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
