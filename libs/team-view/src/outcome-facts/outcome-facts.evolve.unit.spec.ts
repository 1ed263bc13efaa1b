import { SharedEvent } from '@ips/contracts';
import { sharedEventOn } from '../shared-event.testing';
import { Career, careerOf, evolveOutcomeFacts, firstDayChanged, initialOutcomeFacts, outcomeFactsOf } from './outcome-facts.evolve';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const employerId = '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const a1 = '11111111-1111-4111-8111-111111111111';
const a2 = '22222222-2222-4222-8222-222222222222';
const event = (occurredOn: string, source: SharedEvent['source'], type: string, data: object): SharedEvent =>
  sharedEventOn(participantId, occurredOn, source, type, data);
const enrolled = (on: string) => event(on, 'welfare-office', 'ParticipantEnrolled', { employmentSpecialistId: 'es', contactPersonId: 'cw' });
const discharged = (on: string) => event(on, 'welfare-office', 'ParticipantDischarged', { reason: 'moved-away' });
const started = (placementId: string, startDate: string, hoursPerWeek = 20, hourlyWage = 200, recordedOn = startDate) =>
  event(recordedOn, 'employer', 'PlacementStarted', { placementId, employerId, jobTitle: 'x', startDate, hoursPerWeek, hourlyWage });
const termsChanged = (placementId: string, effectiveFrom: string, hoursPerWeek: number, hourlyWage: number, recordedOn = effectiveFrom) =>
  event(recordedOn, 'employer', 'PlacementTermsChanged', { placementId, employerId, effectiveFrom, hoursPerWeek, hourlyWage });
const ended = (placementId: string, endDate: string, recordedOn = endDate) =>
  event(recordedOn, 'employer', 'PlacementEnded', { placementId, employerId, endDate, reason: 'resigned' });
const contact = (on: string) => event(on, 'welfare-office', 'EmployerContactMade', { employerId, kind: 'face-to-face', contactedOn: on });

/** Given these events (arriving in this order), when the facts are read, then this career. */
const given = (...events: SharedEvent[]) => ({ then: (career: Career) => expect(careerOf(outcomeFactsOf(events))).toEqual(career) });

describe('outcome facts', () => {
  describe('no facts yet', () => {
    it('knows no enrolment, discharge or job', () => given().then({ enrolledOn: null, dischargedOn: null, jobs: [] }));

    it('passes over events the figures do not read', () => {
      expect(evolveOutcomeFacts(initialOutcomeFacts, contact('2026-01-10'))).toBe(initialOutcomeFacts);
    });

    it('keeps a change or end of a placement that has not started (no job yet)', () =>
      given(termsChanged(a1, '2026-02-01', 30, 250), ended(a1, '2026-03-01')).then({ enrolledOn: null, dischargedOn: null, jobs: [] }));
  });

  describe('enrolled', () => {
    it('takes the enrolment day and the discharge day from when they happened', () =>
      given(enrolled('2026-01-05'), discharged('2026-09-30')).then({ enrolledOn: '2026-01-05', dischargedOn: '2026-09-30', jobs: [] }));

    it('reads the latest by when it happened, whatever order they arrived in', () =>
      given(enrolled('2026-03-01'), enrolled('2026-01-05')).then({ enrolledOn: '2026-03-01', dischargedOn: null, jobs: [] }));
  });

  describe('in a job', () => {
    it('keeps the start, each change of terms by the day it takes effect, and the end', () =>
      given(
        enrolled('2026-01-05'),
        started(a1, '2026-02-01'),
        termsChanged(a1, '2026-04-01', 30, 250),
        termsChanged(a1, '2026-03-01', 25, 220),
        ended(a1, '2026-06-30'),
      ).then({
        enrolledOn: '2026-01-05',
        dischargedOn: null,
        jobs: [
          {
            start: '2026-02-01',
            end: '2026-06-30',
            terms: [
              { from: '2026-02-01', hours: 20, wage: 200 },
              { from: '2026-03-01', hours: 25, wage: 220 },
              { from: '2026-04-01', hours: 30, wage: 250 },
            ],
          },
        ],
      }));

    it('lists jobs by their first day', () =>
      given(started(a2, '2026-05-01'), started(a1, '2026-02-01')).then({
        enrolledOn: null,
        dischargedOn: null,
        jobs: [
          { start: '2026-02-01', end: null, terms: [{ from: '2026-02-01', hours: 20, wage: 200 }] },
          { start: '2026-05-01', end: null, terms: [{ from: '2026-05-01', hours: 20, wage: 200 }] },
        ],
      }));

    it('of two changes effective the same day, takes the one recorded later as in force', () =>
      given(started(a1, '2026-02-01'), termsChanged(a1, '2026-03-01', 25, 220, '2026-02-10'), termsChanged(a1, '2026-03-01', 28, 230, '2026-02-20')).then({
        enrolledOn: null,
        dischargedOn: null,
        jobs: [
          {
            start: '2026-02-01',
            end: null,
            terms: [
              { from: '2026-02-01', hours: 20, wage: 200 },
              { from: '2026-03-01', hours: 25, wage: 220 },
              { from: '2026-03-01', hours: 28, wage: 230 },
            ],
          },
        ],
      }));

    it('reads a start, change and end that arrived out of order as the timeline orders them', () => {
      const start = started(a1, '2026-02-01');
      const change = termsChanged(a1, '2026-03-01', 25, 220);
      const end = ended(a1, '2026-04-30');
      const inOrder = careerOf(outcomeFactsOf([start, change, end]));
      expect(careerOf(outcomeFactsOf([end, change, start]))).toEqual(inOrder);
      expect(inOrder.jobs).toEqual([
        {
          start: '2026-02-01',
          end: '2026-04-30',
          terms: [
            { from: '2026-02-01', hours: 20, wage: 200 },
            { from: '2026-03-01', hours: 25, wage: 220 },
          ],
        },
      ]);
    });

    it('counts an event delivered twice once', () => {
      const start = started(a1, '2026-02-01');
      const end1 = ended(a1, '2026-03-01', '2026-03-02');
      const end2 = ended(a1, '2026-03-15', '2026-03-16');
      given(start, end1, end2, end1).then({
        enrolledOn: null,
        dischargedOn: null,
        jobs: [{ start: '2026-02-01', end: '2026-03-15', terms: [{ from: '2026-02-01', hours: 20, wage: 200 }] }],
      });
    });
  });

  describe('started again', () => {
    it('a later start of the same placement begins it afresh: changes and ends before it no longer count', () =>
      given(started(a1, '2026-02-01'), termsChanged(a1, '2026-02-15', 30, 250), ended(a1, '2026-03-01'), started(a1, '2026-04-01', 10, 190, '2026-04-01')).then(
        {
          enrolledOn: null,
          dischargedOn: null,
          jobs: [{ start: '2026-04-01', end: null, terms: [{ from: '2026-04-01', hours: 10, wage: 190 }] }],
        },
      ));
  });

  describe('the first day a new event changes (what cached figures of closed quarters it touches)', () => {
    const careerAfter = (...events: SharedEvent[]) => careerOf(outcomeFactsOf(events));
    /** Given these events, when this one arrives, then the career changes from this day on (null: not at all). */
    const givenHistory = (...events: SharedEvent[]) => ({
      when: (next: SharedEvent) => ({ then: (day: string | null) => expect(firstDayChanged(careerAfter(...events), careerAfter(...events, next))).toBe(day) }),
    });

    it('is the day a job starts, for a job that starts today', () =>
      givenHistory(enrolled('2025-01-05'), started(a1, '2025-03-01')).when(started(a2, '2026-12-01')).then('2026-12-01'));

    it("is the job's last day when a job ends: before it, the job was held either way", () =>
      givenHistory(enrolled('2025-01-05'), started(a1, '2025-03-01'))
        .when(ended(a1, '2026-11-30', '2026-12-04'))
        .then('2026-11-30'));

    it('goes back to the old enrolment when the participant enrols again: the quarters they were served in change', () =>
      givenHistory(enrolled('2025-01-05'), discharged('2025-10-01')).when(enrolled('2026-12-04')).then('2025-01-05'));

    it('is the day new terms take effect, recorded late', () =>
      givenHistory(enrolled('2025-01-05'), started(a1, '2025-03-01'))
        .when(termsChanged(a1, '2025-06-01', 30, 250, '2026-12-04'))
        .then('2025-06-01'));

    it("is a job's start recorded months late, and the later jobs it comes before", () =>
      givenHistory(enrolled('2025-01-05'), started(a1, '2025-09-01'))
        .when(started(a2, '2025-04-01', 20, 200, '2026-12-04'))
        .then('2025-04-01'));

    it('is null for an event delivered twice, or one the figures do not read', () => {
      const start = started(a1, '2025-03-01');
      givenHistory(enrolled('2025-01-05'), start).when(start).then(null);
      givenHistory(enrolled('2025-01-05'), start).when(contact('2026-12-04')).then(null);
    });
  });
});
