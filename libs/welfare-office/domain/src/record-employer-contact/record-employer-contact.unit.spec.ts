import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, employerId, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideRecordEmployerContact } from './record-employer-contact.decide';

const spec = decideSpec(participantAggregate, decideRecordEmployerContact);
const contact = (contactedOn: string) => command('RecordEmployerContact' as const, { participantId, employerId, kind: 'face-to-face' as const, contactedOn });

describe('record-employer-contact: employer contact (job development)', () => {
  describe('Referred', () => {
    it('waits for enrolment', () => spec.given(referred).when(contact('2026-02-10')).thenRefused(ParticipantErrors.notEnrolled, 'conflict'));
  });
  describe('Enrolled', () => {
    it('is recorded with the employer and how it was made', () =>
      spec
        .given(referred, enrolled)
        .when(contact('2026-02-10'))
        .then({
          type: 'EmployerContactMade',
          data: { participantId, employerId, kind: 'face-to-face' as const, contactedOn: '2026-02-10', at: now },
        }));
    it('cannot be dated in the future', () =>
      spec.given(referred, enrolled).when(contact('2026-03-01')).thenRefused(ParticipantErrors.dateInFuture, 'rejected'));
  });
});
