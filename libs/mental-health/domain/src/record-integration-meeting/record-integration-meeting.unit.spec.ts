import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, now, participantId } from '../testing/participant-care.fixtures';
import { RecordIntegrationMeeting, decideRecordIntegrationMeeting } from './record-integration-meeting.decide';

const spec = decideSpec(participantCareAggregate, decideRecordIntegrationMeeting);
const meeting = { heldOn: '2026-03-09', attendees: ['clinician-4', 'es-7'], decisions: ['try a trial week at the bakery'] };
const record = (data: Partial<typeof meeting> = {}): RecordIntegrationMeeting => command('RecordIntegrationMeeting', { participantId, ...meeting, ...data });

describe('record integration meeting', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(record()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('records who met and what they decided', () => {
      spec
        .given(enrolmentNoted)
        .when(record())
        .then({ type: 'IntegrationMeetingHeld', data: { participantId, ...meeting, at: now } });
    });

    it('records a meeting that decided nothing', () => {
      spec
        .given(enrolmentNoted)
        .when(record({ decisions: [] }))
        .then({ type: 'IntegrationMeetingHeld', data: { participantId, ...meeting, decisions: [], at: now } });
    });

    it('rejects a meeting without attendees', () => {
      spec
        .given(enrolmentNoted)
        .when(record({ attendees: [] }))
        .thenRefused(ParticipantCareErrors.noAttendees, 'rejected');
    });
  });

  describe('Discharged', () => {
    it('refuses: IPS has ended', () => {
      spec.given(enrolmentNoted, dischargeNoted).when(record()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });
});
