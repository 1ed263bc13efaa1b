import { sharedEventOn } from '../shared-event.testing';
import { outcomesCsv, outcomesFor, parseQuarter } from './outcomes';

const event = sharedEventOn;
const enrolled = (p: string, on: string) => event(p, on, 'welfare-office', 'ParticipantEnrolled', { employmentSpecialistId: 'es', contactPersonId: 'cw' });
const started = (p: string, placementId: string, startDate: string, hoursPerWeek = 20, hourlyWage = 200) =>
  event(p, startDate, 'employer', 'PlacementStarted', { placementId, employerId: p, jobTitle: 'x', startDate, hoursPerWeek, hourlyWage });
const ended = (p: string, placementId: string, endDate: string) =>
  event(p, endDate, 'employer', 'PlacementEnded', { placementId, employerId: p, endDate, reason: 'resigned' });
const termsChanged = (p: string, placementId: string, effectiveFrom: string, hoursPerWeek: number, hourlyWage: number, recordedOn = effectiveFrom) =>
  event(p, recordedOn, 'employer', 'PlacementTermsChanged', { placementId, employerId: p, effectiveFrom, hoursPerWeek, hourlyWage });
const discharged = (p: string, on: string) => event(p, on, 'welfare-office', 'ParticipantDischarged', { reason: 'moved-away' });

const q1 = parseQuarter('2026-Q1')!;
const AFTER_Q1 = '2026-04-15';

describe('quarterly outcomes', () => {
  it('parses quarters and refuses anything else', () => {
    expect(parseQuarter('2026-Q1')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(parseQuarter('2026-Q4')?.to).toBe('2026-12-31');
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('2026-1')).toBeNull();
  });

  it('counts as employed anyone with a job on any day of the quarter, among those served', () => {
    const participants = [
      [enrolled('a', '2025-11-01'), started('a', 'a1', '2025-12-01'), ended('a', 'a1', '2026-01-10')], // employed in Q1 (10 days)
      [enrolled('b', '2026-01-05'), started('b', 'b1', '2026-02-20', 30, 250)], // first job in Q1, 46 days
      [enrolled('c', '2026-02-01')], // served, not employed
      [enrolled('d', '2025-06-01'), discharged('d', '2025-12-20')], // discharged before Q1: not served
      [enrolled('e', '2026-04-02')], // enrolled after Q1: not served
    ];
    const outcomes = outcomesFor(participants, q1, AFTER_Q1);
    expect(outcomes).toMatchObject({
      participantsServed: 3,
      participantsEmployed: 2,
      employmentRate: 0.667,
      band: 'excellent',
      jobStarts: { first: 1, later: 0 },
      medianDaysToFirstJob: 46,
      averageHoursPerWeek: 25,
      averageHourlyWage: 225,
    });
  });

  it('tells a first job from a later one, and bands the rate against the benchmarks', () => {
    const participants = [
      [enrolled('a', '2025-10-01'), started('a', 'a1', '2025-11-01'), ended('a', 'a1', '2025-12-01'), started('a', 'a2', '2026-03-01')],
      [enrolled('b', '2026-01-01')],
      [enrolled('c', '2026-01-01')],
    ];
    const outcomes = outcomesFor(participants, q1, AFTER_Q1);
    expect(outcomes).toMatchObject({ jobStarts: { first: 0, later: 1 }, employmentRate: 0.333, band: 'minimal' });
    expect(outcomesFor([], q1, AFTER_Q1)).toMatchObject({ participantsServed: 0, employmentRate: null, band: null });
  });

  it('measures the longest job, steady work and length of stay', () => {
    const participants = [
      // enrolled 90 days before the quarter's end; in work 2026-01-01..2026-03-31 = 90 days of 121: steady; longest job 60 days
      [enrolled('a', '2025-12-01'), started('a', 'a1', '2026-01-01'), ended('a', 'a1', '2026-03-01'), started('a', 'a2', '2026-03-02')],
      // overlapping jobs count each day once: 2026-02-01..2026-02-28 of 2026-01-01..2026-03-31 (28 of 90): not steady
      [
        enrolled('b', '2026-01-01'),
        started('b', 'b1', '2026-02-01'),
        started('b', 'b2', '2026-02-10'),
        ended('b', 'b1', '2026-02-28'),
        ended('b', 'b2', '2026-02-20'),
      ],
      // discharged in the quarter after 100 days, never employed
      [enrolled('c', '2025-11-01'), discharged('c', '2026-02-09')],
    ];
    expect(outcomesFor(participants, q1, AFTER_Q1)).toMatchObject({
      participantsServed: 3,
      medianLongestJobTenureDays: (60 + 28) / 2,
      steadyWorkers: 1,
      steadyWorkerRate: 0.333,
      medianLengthOfStayDays: 100,
      benchmarks: { minimal: 0.31, average: 0.41, excellent: 0.5 },
    });
  });

  it('reads hours and wage as they were in the quarter: a later change of terms does not rewrite it', () => {
    const participants = [
      [enrolled('a', '2026-01-05'), started('a', 'a1', '2026-02-02', 15, 220), termsChanged('a', 'a1', '2026-05-04', 24, 240)],
      // recorded in the quarter, in force from the next one
      [enrolled('b', '2026-01-05'), started('b', 'b1', '2026-02-02', 20, 200), termsChanged('b', 'b1', '2026-04-01', 30, 250, '2026-03-20')],
      // in force during the quarter: the terms on the job's last day in it
      [enrolled('c', '2026-01-05'), started('c', 'c1', '2026-01-12', 10, 200), termsChanged('c', 'c1', '2026-02-01', 25, 210), ended('c', 'c1', '2026-03-10')],
    ];
    expect(outcomesFor(participants, q1, '2026-06-30')).toMatchObject({ averageHoursPerWeek: 20, averageHourlyWage: 210 });
    expect(outcomesFor(participants, parseQuarter('2026-Q2')!, '2026-06-30')).toMatchObject({ averageHoursPerWeek: 27, averageHourlyWage: 245 });
  });

  it('counts the current quarter up to today, not to its end', () => {
    const participants = [
      [enrolled('a', '2026-01-01'), started('a', 'a1', '2026-01-15')],
      [enrolled('b', '2026-01-01'), started('b', 'b1', '2026-02-10')],
    ];
    // Read on 2026-02-15, of the 46 days 2026-01-01..2026-02-15: a in work 32 (steady), b 6
    expect(outcomesFor(participants, q1, '2026-02-15')).toMatchObject({ medianLongestJobTenureDays: (32 + 6) / 2, steadyWorkers: 1 });
    // Read after the quarter, of its 90 days: a 76, b 50 (both steady)
    expect(outcomesFor(participants, q1, '2026-04-10')).toMatchObject({ medianLongestJobTenureDays: (76 + 50) / 2, steadyWorkers: 2 });
  });

  it('writes CSV, one measure a line', () => {
    const csv = outcomesCsv(outcomesFor([[enrolled('c', '2026-02-01')]], q1, AFTER_Q1));
    expect(csv.split('\n').slice(0, 5)).toEqual(['measure,value', 'quarter,2026-Q1', 'participantsServed,1', 'participantsEmployed,0', 'employmentRate,0']);
  });
});
