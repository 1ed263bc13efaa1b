import { EmployerContactMadeV1, ParticipantContactRecordedV1 } from '@ips/contracts';
import { employerId, participantId } from '../testing/participant-employment.fixtures';
import { noteEmployerLinkWhenEmployerContactMade as react } from './note-employer-link-when-employer-contact-made.react';

const recordedBy = { sub: 'es-7', agency: 'welfare-office', role: 'employment-specialist' };
const employerContactMade: EmployerContactMadeV1 = {
  id: '0190a6f0-0000-7000-8000-00000000d101',
  type: 'EmployerContactMade',
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: '2026-01-20T10:00:00.000Z',
  recordedBy,
  data: { employerId, kind: 'face-to-face', contactedOn: '2026-01-19', note: 'they need a packer from March' },
};

describe('note employer link when the employment specialist contacts an employer for the participant', () => {
  it('links the employer, as recorded by the welfare office, when it was recorded, leaving the note behind', () => {
    expect(react(employerContactMade)).toEqual({
      type: 'NoteEmployerLink',
      data: { participantId, employerId },
      metadata: { actor: recordedBy, now: '2026-01-20T10:00:00.000Z', correlationId: employerContactMade.id },
    });
  });

  it('ignores other events', () => {
    const participantContact: ParticipantContactRecordedV1 = {
      ...employerContactMade,
      type: 'ParticipantContactRecorded',
      data: { contactedOn: '2026-01-19', mode: 'in-person', inCommunity: true },
    };
    expect(react(participantContact)).toBeNull();
  });

  it('ignores a version it does not know', () => {
    expect(react({ ...employerContactMade, version: 2 })).toBeNull();
  });
});
