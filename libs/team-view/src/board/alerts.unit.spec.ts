import { SharedEvent } from '@ips/contracts';
import { sharedEventOn } from '../shared-event.testing';
import { alertsFor } from './alerts';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const on = (occurredAt: string, source: SharedEvent['source'], type: string, data: object): SharedEvent =>
  sharedEventOn(participantId, occurredAt, source, type, data);
const enrolled = on('2026-01-01', 'welfare-office', 'ParticipantEnrolled', { employmentSpecialistId: 'es-1', contactPersonId: 'cw' });
const seen = (date: string) => on(date, 'welfare-office', 'ParticipantContactRecorded', { contactedOn: date, mode: 'phone', inCommunity: false });
const employerContact = (date: string) =>
  on(date, 'welfare-office', 'EmployerContactMade', { employerId: participantId, kind: 'face-to-face', contactedOn: date });
const codes = (events: SharedEvent[], today: string) => alertsFor(events, today).map((alert) => alert.code);

describe('board alerts', () => {
  describe('rapid job search', () => {
    it('warns on day 31 after enrolment without an employer contact, not on day 30', () => {
      const events = [enrolled, seen('2026-01-30')];
      expect(codes(events, '2026-01-31')).toEqual([]);
      expect(codes(events, '2026-02-01')).toEqual(['NO_EMPLOYER_CONTACT_30_DAYS']);
    });
    it('clears once an employer contact is recorded', () => {
      expect(codes([enrolled, seen('2026-01-30'), employerContact('2026-02-03')], '2026-02-04')).toEqual([]);
    });
  });

  describe('contact with the participant', () => {
    it('warns after 14 days without contact, and clears with a new contact', () => {
      const events = [enrolled, employerContact('2026-01-05')];
      expect(codes(events, '2026-01-15')).toEqual([]);
      expect(codes(events, '2026-01-16')).toEqual(['NO_PARTICIPANT_CONTACT_14_DAYS']);
      expect(codes([...events, seen('2026-01-16')], '2026-01-16')).toEqual([]);
    });
  });

  describe('relapse flag', () => {
    const flagId = '33333333-3333-4333-8333-333333333333';
    const raised = on('2026-01-10', 'mental-health', 'RelapseRiskFlagRaised', { flagId, level: 'elevated', reviewBy: '2026-01-20', actions: [] });
    it('warns when its review date has passed, clears when it is changed or cleared', () => {
      const base = [enrolled, employerContact('2026-01-05'), seen('2026-01-20')];
      expect(codes([...base, raised], '2026-01-21')).toEqual(['RELAPSE_FLAG_REVIEW_OVERDUE']);
      const changed = on('2026-01-21', 'mental-health', 'RelapseRiskFlagChanged', { flagId, level: 'watch', reviewBy: '2026-02-01', actions: [] });
      expect(codes([...base, raised, changed], '2026-01-21')).toEqual([]);
      const cleared = on('2026-01-21', 'mental-health', 'RelapseRiskFlagCleared', { flagId });
      expect(codes([...base, raised, cleared], '2026-01-25')).toEqual([]);
    });
  });

  describe('benefits counselling before a job start', () => {
    const job = (placementId: string, startDate: string) =>
      on(startDate, 'employer', 'PlacementStarted', { placementId, employerId: participantId, jobTitle: 'x', startDate, hoursPerWeek: 20, hourlyWage: 200 });
    const counselling = (heldOn: string) => on(heldOn, 'welfare-office', 'BenefitsCounsellingHeld', { heldOn, topics: [] });
    const base = [enrolled, employerContact('2026-01-05'), seen('2026-02-01')];
    it('warns for a job started without it, clears when it is held', () => {
      const started = job('11111111-1111-4111-8111-111111111111', '2026-02-01');
      expect(codes([...base, started], '2026-02-02')).toEqual(['JOB_START_WITHOUT_BENEFITS_COUNSELLING']);
      expect(codes([...base, started, counselling('2026-02-02')], '2026-02-02')).toEqual([]);
    });
    it('does not count counselling from before the previous job for the next one', () => {
      const events = [
        ...base,
        counselling('2026-01-20'),
        job('11111111-1111-4111-8111-111111111111', '2026-02-01'),
        on('2026-03-01', 'employer', 'PlacementEnded', {
          placementId: '11111111-1111-4111-8111-111111111111',
          employerId: participantId,
          endDate: '2026-03-01',
          reason: 'resigned',
        }),
        seen('2026-03-10'),
        job('22222222-2222-4222-8222-222222222222', '2026-03-10'),
      ];
      expect(codes(events, '2026-03-11')).toEqual(['JOB_START_WITHOUT_BENEFITS_COUNSELLING']);
    });
  });

  it('has nothing to say about a discharged participant', () => {
    const discharged = on('2026-01-02', 'welfare-office', 'ParticipantDischarged', { reason: 'moved-away' });
    expect(codes([enrolled, discharged], '2026-06-01')).toEqual([]);
  });
});
