import { metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import { ParticipantCareEvent, RelapseFlagFields } from '../participant-care/participant-care.events';

export const participantId = '0190a6f0-0000-7000-8000-00000000dddd';
export const flagId = '0190a6f0-0000-7000-8000-0000000f1a91';
export const otherFlagId = '0190a6f0-0000-7000-8000-0000000f1a92';
export const now = '2026-03-10T10:00:00.000Z';
export const today = '2026-03-10';
export const meta: CommandMetadata = metadataAt(now, {
  actor: { sub: 'clinician-4', agency: 'mental-health', role: 'clinician' },
});
export const command = <T extends string, D>(type: T, data: D) => ({ type, data, metadata: meta });

export const enrolmentNoted: ParticipantCareEvent = {
  type: 'EnrolmentNoted',
  data: { participantId, employmentSpecialistId: 'es-7', at: '2026-01-12T10:00:00.000Z' },
};
export const dischargeNoted: ParticipantCareEvent = {
  type: 'DischargeNoted',
  data: { participantId, reason: 'steady-employment', at: '2026-12-01T10:00:00.000Z' },
};
export const team = { teamName: 'DPS Lerkendal, team 2', clinicianId: 'clinician-4' };
export const teamLinked: ParticipantCareEvent = {
  type: 'TreatmentTeamLinked',
  data: { participantId, ...team, at: '2026-01-20T10:00:00.000Z' },
};
export const meetingHeld: ParticipantCareEvent = {
  type: 'IntegrationMeetingHeld',
  data: {
    participantId,
    heldOn: '2026-02-02',
    attendees: ['clinician-4', 'es-7'],
    decisions: ['specialist joins the weekly team meeting'],
    at: '2026-02-02T14:00:00.000Z',
  },
};
export const flag: RelapseFlagFields = {
  flagId,
  level: 'elevated',
  reviewBy: '2026-03-01',
  actions: ['clinician calls weekly', 'specialist checks in with the employer'],
};
export const flagRaised: ParticipantCareEvent = {
  type: 'RelapseRiskFlagRaised',
  data: { participantId, ...flag, at: '2026-02-20T09:00:00.000Z' },
};
export const flagChanged: ParticipantCareEvent = {
  type: 'RelapseRiskFlagChanged',
  data: { participantId, ...flag, level: 'acute', reviewBy: '2026-03-05', at: '2026-02-27T09:00:00.000Z' },
};
export const flagCleared: ParticipantCareEvent = {
  type: 'RelapseRiskFlagCleared',
  data: { participantId, flagId, reason: 'stable for four weeks', at: '2026-03-06T09:00:00.000Z' },
};
export const treatmentEnded: ParticipantCareEvent = {
  type: 'TreatmentEnded',
  data: { participantId, endedOn: '2026-03-08', reason: null, at: '2026-03-08T12:00:00.000Z' },
};
