import { ConsentGivenV1, ConsentWithdrawnV1, ParticipantEnrolledV1 } from '@ips/contracts';
import { participantId } from '../testing/participant-employment.fixtures';
import { noteConsentWhenConsentChanged as react } from './note-consent-when-consent-changed.react';

const recordedBy = { sub: 'cw-3', agency: 'welfare-office', role: 'caseworker' };
const consentGiven = (employerDisclosure: boolean): ConsentGivenV1 => ({
  id: '0190a6f0-0000-7000-8000-00000000d201',
  type: 'ConsentGiven',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-01-14T10:00:00.000Z',
  recordedBy,
  data: { shareWith: ['mental-health', 'employer'], employerDisclosure },
});
const consentWithdrawn: ConsentWithdrawnV1 = {
  id: '0190a6f0-0000-7000-8000-00000000d202',
  type: 'ConsentWithdrawn',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-03-01T10:00:00.000Z',
  recordedBy,
  data: { reason: 'I want to tell my employer myself' },
};
const metadataOf = (event: { id: string; occurredAt: string }) => ({ actor: recordedBy, now: event.occurredAt, correlationId: event.id });

describe('note consent when the participant gives or withdraws consent at the welfare office', () => {
  it.each([true, false])('notes a consent with employerDisclosure %s, when it was given, and nothing of who else shares', (employerDisclosure) => {
    const event = consentGiven(employerDisclosure);
    expect(react(event)).toEqual({ type: 'NoteConsent', data: { participantId, employerDisclosure }, metadata: metadataOf(event) });
  });

  it('notes a withdrawal as no disclosure, leaving the reason behind', () => {
    expect(react(consentWithdrawn)).toEqual({
      type: 'NoteConsent',
      data: { participantId, employerDisclosure: false },
      metadata: metadataOf(consentWithdrawn),
    });
  });

  it('ignores other events', () => {
    const enrolled: ParticipantEnrolledV1 = {
      ...consentWithdrawn,
      type: 'ParticipantEnrolled',
      data: { employmentSpecialistId: 'es-7', contactPersonId: 'cw-3' },
    };
    expect(react(enrolled)).toBeNull();
  });

  it('ignores a version it does not know', () => {
    expect(react({ ...consentGiven(true), version: 2 })).toBeNull();
    expect(react({ ...consentWithdrawn, version: 2 })).toBeNull();
  });
});
