import { SharedEvent } from '@ips/contracts';
import { sharedEventOn } from '../shared-event.testing';
import { ALWAYS_DUE, alertsDueOn, alertsFrom, emptyAlertFacts, evolveAlertFacts } from '../board/alerts';
import { dueOn, emptyFacts, emptyView, evolveFacts, evolvePlanProposal, evolveView, foldParticipant, needsRefold, viewFor, viewsOf } from './participant-view';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const on = (occurredAt: string, source: SharedEvent['source'], type: string, data: object): SharedEvent =>
  sharedEventOn(participantId, occurredAt, source, type, data);
const enrolled = on('2026-01-01', 'welfare-office', 'ParticipantEnrolled', { employmentSpecialistId: 'es-1', contactPersonId: 'cw-1' });
const linked = on('2026-01-02', 'mental-health', 'TreatmentTeamLinked', { teamName: 'DPS', clinicianId: 'dr-1' });
const flag = on('2026-01-03', 'mental-health', 'RelapseRiskFlagRaised', { flagId: 'f', level: 'high', reviewBy: '2026-01-10' });
const consent = (shareWith: string[]) => on('2026-01-04', 'welfare-office', 'ConsentGiven', { shareWith, employerDisclosure: false });
const withdrawn = on('2026-01-05', 'welfare-office', 'ConsentWithdrawn', {});
const request = on('2026-01-06', 'employer', 'ContactRequestReceived', {
  requestId: 'r-1',
  urgency: 'urgent',
  acknowledgeBy: '2026-01-06T12:00:00.000Z',
  tier: 'specialist',
});
const started = on('2026-01-07', 'employer', 'PlacementStarted', {
  placementId: 'p',
  employerId: 'e',
  jobTitle: 'Baker',
  startDate: '2026-02-01',
  hoursPerWeek: 20,
  hourlyWage: 200,
});

describe('participant views', () => {
  describe('which views an entry belongs to', () => {
    it('puts an agency’s entry in its own view, and in the circle’s while the agency is in the consent’s circle', () => {
      expect(viewsOf('mental-health', null)).toEqual(['mental-health']);
      expect(viewsOf('mental-health', { shareWith: ['mental-health'], employerDisclosure: false, recordedBy: 'welfare-office' })).toEqual([
        'mental-health',
        'circle',
      ]);
      expect(viewsOf('municipality', { shareWith: ['mental-health'], employerDisclosure: false, recordedBy: 'welfare-office' })).toEqual(['municipality']);
    });
    it('keeps an employer’s entry out of every agency’s own view, in the circle’s only when the employer is in it', () => {
      expect(viewsOf('employer', null)).toEqual([]);
      expect(viewsOf('employer', { shareWith: ['employer'], employerDisclosure: true, recordedBy: 'welfare-office' })).toEqual(['circle']);
    });
  });

  describe('which view a reader is shown', () => {
    it('shows a staff reader the circle’s view while their agency is in the circle, else their own agency’s', () => {
      const circle = { shareWith: ['municipality' as const], employerDisclosure: false, recordedBy: 'welfare-office' as const };
      expect(viewFor('municipality', circle)).toBe('circle');
      expect(viewFor('welfare-office', circle)).toBe('circle');
      expect(viewFor('mental-health', circle)).toBe('mental-health');
      expect(viewFor('mental-health', null)).toBe('mental-health');
    });
    it('shows employers, participants and the programme none (the lists are staff’s)', () => {
      expect(viewFor('employer', null)).toBeNull();
      expect(viewFor('participant', null)).toBeNull();
      expect(viewFor('programme', null)).toBeNull();
    });
  });

  describe('facts', () => {
    it('given an enrolment and a treatment team, names the specialist, the contact person and the clinician; the treatment’s end drops the clinician', () => {
      const facts = [enrolled, linked].reduce(evolveFacts, emptyFacts(participantId));
      expect(facts.named).toEqual({ 'welfare-office': ['es-1', 'cw-1'], 'mental-health': ['dr-1'] });
      expect(evolveFacts(facts, on('2026-01-09', 'mental-health', 'TreatmentEnded', {})).named).toEqual({ 'welfare-office': ['es-1', 'cw-1'] });
    });
    it('re-folds on a consent, an erasure, or an entry from before the latest applied; applies a later one on top', () => {
      const facts = [enrolled, flag].reduce(evolveFacts, emptyFacts(participantId));
      expect(needsRefold(facts, consent(['mental-health']))).toBe(true);
      expect(needsRefold(facts, withdrawn)).toBe(true);
      expect(needsRefold(facts, on('2026-01-09', 'welfare-office', 'ParticipantErased', {}))).toBe(true);
      expect(needsRefold(facts, linked)).toBe(true);
      expect(needsRefold(facts, request)).toBe(false);
    });
  });

  describe('a whole fold', () => {
    it('given consent shared with mental health, fills the circle with both agencies’ entries; the municipality’s stay in its own view', () => {
      const municipal = on('2026-01-08', 'municipality', 'MunicipalContactAssigned', { contactPersonId: 'mw-1' });
      const { views, facts } = foldParticipant(participantId, [enrolled, linked, flag, consent(['mental-health']), municipal]);
      expect([...views.keys()].sort()).toEqual(['circle', 'mental-health', 'municipality', 'welfare-office']);
      expect(views.get('circle')?.summary.basedOn).toEqual(['welfare-office', 'mental-health']);
      expect(views.get('municipality')?.entries).toBe(1);
      expect(facts.consent?.shareWith).toEqual(['mental-health']);
    });
    it('given the consent withdrawn, has no circle view', () => {
      const { views, facts } = foldParticipant(participantId, [enrolled, linked, consent(['mental-health']), withdrawn]);
      expect(views.has('circle')).toBe(false);
      expect(facts.consent).toBeNull();
    });
  });

  describe('when alerts are due', () => {
    it('is due on the first day an alert shows, and a stored row before that day shows none', () => {
      const facts = [enrolled, flag].reduce(evolveAlertFacts, emptyAlertFacts);
      const due = alertsDueOn(facts) as string;
      expect(due).toBe('2026-01-11'); // the flag's review was due on the 10th
      expect(alertsFrom(facts, '2026-01-10')).toEqual([]);
      expect(alertsFrom(facts, due).map((alert) => alert.code)).toEqual(['RELAPSE_FLAG_REVIEW_OVERDUE']);
    });
    it('moves the due day when a later event moves the condition, and clears it at discharge', () => {
      const seen = on('2026-01-20', 'welfare-office', 'ParticipantContactRecorded', { contactedOn: '2026-01-20' });
      const contacted = on('2026-01-21', 'welfare-office', 'EmployerContactMade', { employerId: 'e', contactedOn: '2026-01-21' });
      const facts = [enrolled, seen, contacted].reduce(evolveAlertFacts, emptyAlertFacts);
      expect(alertsDueOn(facts)).toBe('2026-02-04');
      expect(alertsDueOn(evolveAlertFacts(facts, on('2026-01-22', 'welfare-office', 'ParticipantDischarged', {})))).toBeNull();
    });
    it('is due at once with an open employer request or a job without benefits counselling', () => {
      expect(dueOn(evolveView(emptyView(participantId), request))).toBe(ALWAYS_DUE);
      const view = [enrolled, started].reduce(evolveView, emptyView(participantId));
      expect(dueOn(view)).toBe(ALWAYS_DUE);
      expect(alertsFrom(view.alerts, '2026-01-08').map((alert) => alert.code)).toContain('JOB_START_WITHOUT_BENEFITS_COUNSELLING');
    });
  });

  describe('the open plan proposal', () => {
    const plan = { goals: ['a job in a shop'], jobPreferences: ['retail'], hoursPerWeek: 15, supportsWanted: ['a mentor'] };
    const proposed = (proposalId: string, day: string) => on(day, 'welfare-office', 'ActionPlanProposed', { proposalId, ...plan, note: 'start slowly' });
    const first = proposed('0190a6f0-0000-7000-8000-0000000000a1', '2026-01-10');
    const second = proposed('0190a6f0-0000-7000-8000-0000000000a2', '2026-01-11');
    const written = (data: object = {}) => on('2026-01-12', 'welfare-office', 'ActionPlanWritten', { ...plan, ...data });

    it('given a proposal, is open with what the participant proposed, from when', () => {
      expect(evolvePlanProposal(null, first)).toEqual({
        proposalId: '0190a6f0-0000-7000-8000-0000000000a1',
        proposedAt: first.occurredAt,
        ...plan,
        note: 'start slowly',
      });
    });
    it('given a later proposal, is the later one', () => {
      expect([first, second].reduce(evolvePlanProposal, null)?.proposalId).toBe('0190a6f0-0000-7000-8000-0000000000a2');
    });
    it('given a plan recorded from it, or any later plan, is closed', () => {
      expect([first, written({ proposalId: '0190a6f0-0000-7000-8000-0000000000a1' })].reduce(evolvePlanProposal, null)).toBeNull();
      expect([first, written()].reduce(evolvePlanProposal, null)).toBeNull();
    });
    it('given the discharge, the withdrawal or the erasure, is closed; other entries leave it open', () => {
      for (const type of ['ParticipantDischarged', 'ReferralWithdrawn', 'ParticipantErased']) {
        expect(evolvePlanProposal(evolvePlanProposal(null, first), on('2026-01-13', 'welfare-office', type, {}))).toBeNull();
      }
      expect([first, enrolled, flag].reduce(evolvePlanProposal, null)?.proposalId).toBe('0190a6f0-0000-7000-8000-0000000000a1');
    });
    it('is in the views that hold the welfare office’s entries only, and absent from a view while none is open', () => {
      const { views } = foldParticipant(participantId, [enrolled, linked, first]);
      expect(views.get('welfare-office')?.planProposal?.proposalId).toBe('0190a6f0-0000-7000-8000-0000000000a1');
      expect(views.get('mental-health')).not.toHaveProperty('planProposal');
      expect([enrolled, first, written()].reduce(evolveView, emptyView(participantId))).not.toHaveProperty('planProposal');
    });
  });
});
