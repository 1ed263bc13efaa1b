import { metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import { ParticipantEvent, ParticipantReferred } from '../participant/participant.events';

export const participantId = '0190a6f0-0000-7000-8000-00000000cccc';
export const employerId = '0190a6f0-0000-7000-8000-00000000eeee';
export const teamId = '0190a6f0-0000-7000-8000-00000000b001';
export const otherTeamId = '0190a6f0-0000-7000-8000-00000000b002';
export const now = '2026-02-10T10:00:00.000Z';
export const meta: CommandMetadata = metadataAt(now);
export const command = <T extends string, D>(type: T, data: D) => ({ type, data, metadata: meta });

/** A referral recorded before teams existed: it names no team. */
export const referredBeforeTeams: ParticipantReferred = {
  type: 'ParticipantReferred',
  data: {
    participantId,
    givenName: 'Kari',
    familyName: 'Nordmann',
    birthDate: '1994-03-02',
    referredBy: 'self',
    reason: null,
    referredAt: '2026-01-05T09:00:00.000Z',
  },
};
export const referred: ParticipantEvent = { type: 'ParticipantReferred', data: { ...referredBeforeTeams.data, teamId } };
export const transferred: ParticipantEvent = {
  type: 'ParticipantTransferred',
  data: { participantId, fromTeamId: teamId, toTeamId: otherTeamId, reason: 'moved to Heimdal', on: '2026-02-01', at: '2026-02-01T09:00:00.000Z' },
};
export const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  data: { participantId, employmentSpecialistId: 'es-7', contactPersonId: 'cw-3', enrolledAt: '2026-01-12T10:00:00.000Z' },
};
export const profile = { workHistory: 'Two years in a grocery store', strengths: ['punctual'], interests: ['warehouse'] };
export const profileCreated: ParticipantEvent = {
  type: 'CareerProfileCreated',
  data: { participantId, ...profile, at: '2026-01-20T10:00:00.000Z' },
};
export const discharged: ParticipantEvent = {
  type: 'ParticipantDischarged',
  data: { participantId, reason: 'steady-employment', at: '2026-12-01T10:00:00.000Z' },
};
export const consentGiven: ParticipantEvent = {
  type: 'ConsentGiven',
  data: { participantId, shareWith: ['mental-health'], employerDisclosure: false, at: '2026-01-13T10:00:00.000Z' },
};
export const erased: ParticipantEvent = {
  type: 'ParticipantErased',
  data: { participantId, at: '2027-01-04T10:00:00.000Z' },
};
export const proposalId = '0190a6f0-0000-7000-8000-0000000000a1';
export const laterProposalId = '0190a6f0-0000-7000-8000-0000000000a2';
export const proposal = {
  goals: ['a paid job by summer'],
  jobPreferences: ['warehouse', 'outdoors'],
  hoursPerWeek: 15,
  supportsWanted: ['someone to call on bad days'],
};
export const proposed: ParticipantEvent = {
  type: 'ActionPlanProposed',
  data: { participantId, proposalId, ...proposal, note: 'fewer hours at first', at: '2026-02-01T10:00:00.000Z' },
};
export const proposedLater: ParticipantEvent = {
  type: 'ActionPlanProposed',
  data: { participantId, proposalId: laterProposalId, ...proposal, hoursPerWeek: 20, at: '2026-02-03T10:00:00.000Z' },
};
export const planWritten: ParticipantEvent = {
  type: 'ActionPlanWritten',
  data: { participantId, ...proposal, at: '2026-02-05T10:00:00.000Z' },
};
export const withdrawn: ParticipantEvent = {
  type: 'ReferralWithdrawn',
  data: { participantId, reason: 'not now', at: '2026-01-08T10:00:00.000Z' },
};
