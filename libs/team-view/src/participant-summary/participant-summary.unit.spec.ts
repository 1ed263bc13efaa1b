import { DEFAULT_TEAM_ID, SharedEvent } from '@ips/contracts';
import { ParticipantSummary, emptySummary, evolveSummary } from './participant-summary.evolve';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const employerId = '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
let n = 0;
const event = (source: SharedEvent['source'], type: string, data: object): SharedEvent => ({
  id: `01a20000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  type,
  version: 1,
  source,
  participantId,
  occurredAt: `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  recordedBy: { sub: 'x', agency: source, role: 'caseworker' },
  data: data as Record<string, unknown>,
});
const job = (placementId: string, startDate: string) =>
  event('employer', 'PlacementStarted', { placementId, employerId, jobTitle: 'Warehouse worker', startDate, hoursPerWeek: 20, hourlyWage: 210 });
const fold = (...events: SharedEvent[]): ParticipantSummary => events.reduce(evolveSummary, emptySummary(participantId));

const referred = event('welfare-office', 'ParticipantReferred', { givenName: 'Kari', familyName: 'N', birthDate: '1994-03-02', referredBy: 'self' });
const enrolled = event('welfare-office', 'ParticipantEnrolled', { employmentSpecialistId: 'es-1', contactPersonId: 'cw-1' });
const contact = event('welfare-office', 'EmployerContactMade', { employerId, kind: 'face-to-face', contactedOn: '2026-01-20' });
const earlierContact = event('welfare-office', 'EmployerContactMade', { employerId, kind: 'phone', contactedOn: '2026-01-15' });

describe('participant summary', () => {
  it('names the team: the referral’s, the default team for a referral from before teams, then each transfer’s', () => {
    const heimdal = '0190a6f0-0000-7000-8000-00000000b001';
    const sentrum = '0190a6f0-0000-7000-8000-00000000b002';
    const referredToHeimdal: SharedEvent = { ...referred, version: 2, data: { ...referred.data, teamId: heimdal } };
    const moved = event('welfare-office', 'ParticipantTransferred', { fromTeamId: heimdal, toTeamId: sentrum, reason: 'moved', on: '2026-01-20' });
    expect(fold(referred).teamId).toBe(DEFAULT_TEAM_ID);
    expect(fold(referredToHeimdal)).toMatchObject({ teamId: heimdal, referredBy: 'self', name: { givenName: 'Kari', familyName: 'N' } });
    expect(fold(referredToHeimdal, enrolled, moved).teamId).toBe(sentrum);
    expect(fold(enrolled).teamId).toBeNull();
  });

  it('moves through the phases of a year in IPS', () => {
    const first = job('11111111-1111-4111-8111-111111111111', '2026-03-01');
    const followAlong = event('employer', 'FollowAlongContactMade', {
      placementId: '11111111-1111-4111-8111-111111111111',
      employerId,
      contactedOn: '2026-03-03',
      with: 'worker',
    });
    const ended = event('employer', 'PlacementEnded', {
      placementId: '11111111-1111-4111-8111-111111111111',
      employerId,
      endDate: '2026-05-01',
      reason: 'contract-ended',
    });
    const second = job('22222222-2222-4222-8222-222222222222', '2026-06-01');
    const discharged = event('welfare-office', 'ParticipantDischarged', { reason: 'steady-employment' });
    const phases = [referred, enrolled, contact, first, followAlong, ended, second, discharged].map((_, index, all) => fold(...all.slice(0, index + 1)).phase);
    expect(phases).toEqual(['referred', 'enrolled', 'job-search', 'employed', 'follow-along', 'job-search', 'employed', 'discharged']);
  });

  it('keeps the first employer contact date, whatever the order they were recorded in', () => {
    expect(fold(referred, enrolled, contact, earlierContact).firstEmployerContactOn).toBe('2026-01-15');
  });

  it('shows the current relapse risk until it is cleared', () => {
    const flagId = '33333333-3333-4333-8333-333333333333';
    const raised = event('mental-health', 'RelapseRiskFlagRaised', { flagId, level: 'watch', reviewBy: '2026-02-01', actions: [] });
    const changed = event('mental-health', 'RelapseRiskFlagChanged', { flagId, level: 'acute', reviewBy: '2026-01-25', actions: [] });
    const cleared = event('mental-health', 'RelapseRiskFlagCleared', { flagId });
    expect(fold(referred, raised, changed).relapseRisk).toEqual({ flagId, level: 'acute', reviewBy: '2026-01-25' });
    expect(fold(referred, raised, changed, cleared).relapseRisk).toBeNull();
  });

  it('follows the current placement through changed terms, and names the employer among the contacts', () => {
    const started = job('11111111-1111-4111-8111-111111111111', '2026-03-01');
    const changed = event('employer', 'PlacementTermsChanged', {
      placementId: '11111111-1111-4111-8111-111111111111',
      employerId,
      effectiveFrom: '2026-04-01',
      hoursPerWeek: 30,
      hourlyWage: 220,
    });
    const summary = fold(referred, enrolled, started, changed);
    expect(summary.placement).toMatchObject({ hoursPerWeek: 30, hourlyWage: 220, jobTitle: 'Warehouse worker' });
    expect(summary.contacts.employer).toEqual({ employerId });
    expect(summary.basedOn).toEqual(['welfare-office', 'employer']);
  });
});
