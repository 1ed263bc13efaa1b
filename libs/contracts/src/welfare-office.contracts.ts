import { agencies, date, note, personal, text, texts } from './fields';
import { EventContract, EventOf } from './shared-event';

export const EMPLOYER_CONTACT_KINDS = ['face-to-face', 'phone', 'video', 'email'] as const;

/**
 * The team of every participant referred before teams existed (their `ParticipantReferred` is v1, without a team),
 * and of every referral made while no team is defined on the platform (decision 27). A data directory from before
 * teams keeps working: its participants sit in this team until someone transfers them. The programme may define a
 * team under this id (`PUT /programme/teams/00000000-0000-4000-8000-000000000000`) to give it a name and members.
 */
export const DEFAULT_TEAM_ID = '00000000-0000-4000-8000-000000000000';

const publisher = 'welfare-office';
const audience = 'sharing-circle';

export const participantReferredV1 = {
  type: 'ParticipantReferred',
  version: 1,
  publisher,
  audience,
  description:
    'Someone was referred to IPS (by treatment, the welfare office or themselves). Zero exclusion: a referral is never refused. ' +
    `Published before teams existed and no longer: v2 replaced it. Read it as a referral to the default team \`${DEFAULT_TEAM_ID}\`.`,
  fields: {
    givenName: personal(text(200, 'personal data')),
    familyName: personal(text(200, 'personal data')),
    birthDate: personal(date('personal data')),
    referredBy: personal(text(200, 'who referred: a service, a person, or `self`')),
    reason: personal(text(2000, "in the referrer's words", true)),
  },
} as const satisfies EventContract;

const teamId = (description: string) => ({ rule: { kind: 'uuid' }, description }) as const;

export const participantReferredV2 = {
  ...participantReferredV1,
  version: 2,
  description:
    'Someone was referred to IPS (by treatment, the welfare office or themselves) to a team, which they belong to until a ' +
    'transfer. Zero exclusion: a referral is never refused.',
  fields: {
    ...participantReferredV1.fields,
    teamId: teamId(`the IPS team the participant is referred to (v1 referrals: \`${DEFAULT_TEAM_ID}\`, the default team)`),
  },
} as const satisfies EventContract;

export const participantTransferredV1 = {
  type: 'ParticipantTransferred',
  version: 1,
  publisher,
  audience,
  description:
    'The participant moves to another IPS team: from `on` they belong to the new team (one team at a time). The earlier ' +
    'teams stay in the history; a participant referred before teams existed moves from the default team.',
  fields: {
    fromTeamId: teamId('the team the participant leaves'),
    toTeamId: teamId('the team the participant joins'),
    reason: personal(text(2000, 'why, in the words of whoever recorded it')),
    on: date('the first day with the new team'),
  },
} as const satisfies EventContract;

export const referralWithdrawnV1 = {
  type: 'ReferralWithdrawn',
  version: 1,
  publisher,
  audience,
  description: "The referral ended by the participant's own choice, before enrolment; the only way a referral ends.",
  fields: { reason: personal(text(2000, "the participant's reason, in their words")) },
} as const satisfies EventContract;

export const participantEnrolledV1 = {
  type: 'ParticipantEnrolled',
  version: 1,
  publisher,
  audience,
  description: "The participant is on an employment specialist's caseload, with a fixed contact person at the welfare office.",
  fields: {
    employmentSpecialistId: text(200, 'user id of the employment specialist'),
    contactPersonId: text(200, 'user id of the fixed welfare-office contact person'),
  },
} as const satisfies EventContract;

export const consentGivenV1 = {
  type: 'ConsentGiven',
  version: 1,
  publisher,
  audience,
  description: 'The participant decided which agencies share their record, and whether an employer may be told. Replaces any earlier consent.',
  fields: {
    shareWith: { ...agencies, description: 'agencies in the sharing circle besides the welfare office' },
    employerDisclosure: { rule: { kind: 'boolean' }, description: 'may the employer see entries about its placements' },
  },
} as const satisfies EventContract;

export const consentWithdrawnV1 = {
  type: 'ConsentWithdrawn',
  version: 1,
  publisher,
  audience,
  description: 'The participant withdrew consent: from now on each agency sees only its own entries.',
  fields: { reason: personal(text(2000, 'optional reason', true)) },
} as const satisfies EventContract;

const careerProfileFields = {
  workHistory: personal(text(4000, 'jobs, in the participant’s words', true)),
  education: personal(text(2000, 'schooling and courses', true)),
  strengths: personal(texts(20, 'strengths the participant sees')),
  interests: personal(texts(20, 'kinds of work that interest them')),
} as const;

export const careerProfileCreatedV1 = {
  type: 'CareerProfileCreated',
  version: 1,
  publisher,
  audience,
  description: 'The career profile from the first meetings.',
  fields: careerProfileFields,
} as const satisfies EventContract;

export const careerProfileUpdatedV1 = {
  type: 'CareerProfileUpdated',
  version: 1,
  publisher,
  audience,
  description: 'The career profile revised (after every job, and whenever needed). Replaces the earlier one.',
  fields: careerProfileFields,
} as const satisfies EventContract;

export const actionPlanWrittenV1 = {
  type: 'ActionPlanWritten',
  version: 1,
  publisher,
  audience,
  description: "The participant's own action plan; a later one replaces it.",
  fields: {
    goals: personal(texts(20, 'goals, in the participant’s words')),
    jobPreferences: personal(texts(20, 'kinds of job wanted')),
    hoursPerWeek: { rule: { kind: 'number', min: 1, max: 60 }, description: 'hours a week wanted' },
    supportsWanted: personal(texts(20, 'supports the participant wants')),
    proposalId: {
      rule: { kind: 'uuid' },
      optional: true,
      description: 'the participant’s proposal (`ActionPlanProposed`) this plan records, when it was recorded from one (added later, optional)',
    },
  },
} as const satisfies EventContract;

export const actionPlanProposedV1 = {
  type: 'ActionPlanProposed',
  version: 1,
  publisher,
  audience,
  description:
    'The participant, on their own page, wrote or proposed changes to their action plan. It is open until a plan records it ' +
    '(`ActionPlanWritten` with its `proposalId`) or a later plan, a later proposal or the discharge closes it.',
  fields: {
    proposalId: { rule: { kind: 'uuid' }, description: 'the proposal, named by the plan that records it' },
    goals: personal(texts(20, 'goals, in the participant’s words')),
    jobPreferences: personal(texts(20, 'kinds of job wanted')),
    hoursPerWeek: { rule: { kind: 'number', min: 1, max: 60 }, description: 'hours a week wanted' },
    supportsWanted: personal(texts(20, 'supports the participant wants')),
    note: personal(text(2000, 'what the participant wants the team to know about the proposal', true)),
  },
} as const satisfies EventContract;

export const benefitsCounsellingHeldV1 = {
  type: 'BenefitsCounsellingHeld',
  version: 1,
  publisher,
  audience,
  description: 'Personal benefits counselling: before a job starts and when hours or pay change.',
  fields: { heldOn: date('date of the session'), topics: personal(texts(20, 'what was covered')), note },
} as const satisfies EventContract;

export const employerContactMadeV1 = {
  type: 'EmployerContactMade',
  version: 1,
  publisher,
  audience,
  description: "The employment specialist's contact with an employer for this participant (job development).",
  fields: {
    employerId: { rule: { kind: 'uuid' }, description: 'the employer' },
    kind: { rule: { kind: 'enum', values: EMPLOYER_CONTACT_KINDS }, description: 'how; only face-to-face counts for fidelity item V6' },
    contactedOn: date('date of the contact'),
    note,
  },
} as const satisfies EventContract;

export const participantContactRecordedV1 = {
  type: 'ParticipantContactRecorded',
  version: 1,
  publisher,
  audience,
  description: 'The employment specialist met or talked with the participant (assertive outreach, follow-along).',
  fields: {
    contactedOn: date('date of the contact'),
    mode: { rule: { kind: 'enum', values: ['in-person', 'phone', 'video', 'message'] }, description: 'how' },
    inCommunity: { rule: { kind: 'boolean' }, description: 'out in the community rather than at the office' },
    note,
  },
} as const satisfies EventContract;

export const DISCHARGE_REASONS = [
  'steady-employment',
  'participant-choice',
  'moved-away',
  'transition-to-other-service',
  'education',
  'deceased',
  'other',
] as const;

export const participantDischargedV1 = {
  type: 'ParticipantDischarged',
  version: 1,
  publisher,
  audience,
  description: 'Discharge or transition, by decision and with a reason; never for missed appointments.',
  fields: {
    reason: { rule: { kind: 'enum', values: DISCHARGE_REASONS }, description: 'why' },
    note,
  },
} as const satisfies EventContract;

export const contactDetailsChangedV1 = {
  type: 'ContactDetailsChanged',
  version: 1,
  publisher,
  audience,
  description: 'How the team reaches the participant (assertive outreach); replaces the earlier details. A left-out field is cleared.',
  fields: {
    phone: personal(text(40, 'phone number, as the participant gives it', true)),
    email: personal(text(254, 'e-mail address', true)),
  },
} as const satisfies EventContract;

export const participantErasedV1 = {
  type: 'ParticipantErased',
  version: 1,
  publisher,
  audience,
  description:
    "The participant's personal data was erased: their key is destroyed, so every personal field of every event, wherever it was copied, reads as `[erased]`. Nothing more is recorded about them.",
  fields: {},
} as const satisfies EventContract;

export type ParticipantReferredV1 = EventOf<typeof participantReferredV1>;
export type ParticipantReferredV2 = EventOf<typeof participantReferredV2>;
export type ParticipantTransferredV1 = EventOf<typeof participantTransferredV1>;
export type ReferralWithdrawnV1 = EventOf<typeof referralWithdrawnV1>;
export type ParticipantEnrolledV1 = EventOf<typeof participantEnrolledV1>;
export type ConsentGivenV1 = EventOf<typeof consentGivenV1>;
export type ConsentWithdrawnV1 = EventOf<typeof consentWithdrawnV1>;
export type CareerProfileCreatedV1 = EventOf<typeof careerProfileCreatedV1>;
export type CareerProfileUpdatedV1 = EventOf<typeof careerProfileUpdatedV1>;
export type ActionPlanWrittenV1 = EventOf<typeof actionPlanWrittenV1>;
export type ActionPlanProposedV1 = EventOf<typeof actionPlanProposedV1>;
export type BenefitsCounsellingHeldV1 = EventOf<typeof benefitsCounsellingHeldV1>;
export type EmployerContactMadeV1 = EventOf<typeof employerContactMadeV1>;
export type ParticipantContactRecordedV1 = EventOf<typeof participantContactRecordedV1>;
export type ParticipantDischargedV1 = EventOf<typeof participantDischargedV1>;
export type ContactDetailsChangedV1 = EventOf<typeof contactDetailsChangedV1>;
export type ParticipantErasedV1 = EventOf<typeof participantErasedV1>;

export const welfareOfficeContracts = [
  participantReferredV1,
  participantReferredV2,
  participantTransferredV1,
  referralWithdrawnV1,
  participantEnrolledV1,
  consentGivenV1,
  consentWithdrawnV1,
  careerProfileCreatedV1,
  careerProfileUpdatedV1,
  actionPlanWrittenV1,
  actionPlanProposedV1,
  benefitsCounsellingHeldV1,
  employerContactMadeV1,
  participantContactRecordedV1,
  participantDischargedV1,
  contactDetailsChangedV1,
  participantErasedV1,
] as const;

export type WelfareOfficeSharedEvent =
  | ParticipantReferredV1
  | ParticipantReferredV2
  | ParticipantTransferredV1
  | ReferralWithdrawnV1
  | ParticipantEnrolledV1
  | ConsentGivenV1
  | ConsentWithdrawnV1
  | CareerProfileCreatedV1
  | CareerProfileUpdatedV1
  | ActionPlanWrittenV1
  | ActionPlanProposedV1
  | BenefitsCounsellingHeldV1
  | EmployerContactMadeV1
  | ParticipantContactRecordedV1
  | ParticipantDischargedV1
  | ContactDetailsChangedV1
  | ParticipantErasedV1;

/** The team a referral names: its `teamId` from v2 on, the default team for a v1 referral (made before teams). */
export const teamOfReferral = (event: ParticipantReferredV1 | ParticipantReferredV2): string =>
  'teamId' in event.data && typeof event.data.teamId === 'string' ? event.data.teamId : DEFAULT_TEAM_ID;
