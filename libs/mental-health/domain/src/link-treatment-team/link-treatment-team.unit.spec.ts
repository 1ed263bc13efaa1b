import { decideSpec } from '@ips/testing';
import { fold } from '@ips/kernel';
import { ParticipantCareErrors, participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, now, participantId, team, teamLinked, treatmentEnded } from '../testing/participant-care.fixtures';
import { LinkTreatmentTeam, decideLinkTreatmentTeam } from './link-treatment-team.decide';

const spec = decideSpec(participantCareAggregate, decideLinkTreatmentTeam);
const link = (data: Partial<typeof team> = {}): LinkTreatmentTeam => command('LinkTreatmentTeam', { participantId, ...team, ...data });
const linked = (data: Partial<typeof team> = {}) => ({
  type: 'TreatmentTeamLinked' as const,
  data: { participantId, ...team, ...data, at: now },
});

describe('link treatment team', () => {
  describe('NotEnrolled', () => {
    it('refuses: the participant is not in IPS', () => {
      spec.given().when(link()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('links the team and the responsible clinician', () => {
      spec.given(enrolmentNoted).when(link()).then(linked());
    });
  });

  describe('Enrolled with a team', () => {
    it('records a move to another team', () => {
      spec
        .given(enrolmentNoted, teamLinked)
        .when(link({ teamName: 'DPS Tiller' }))
        .then(linked({ teamName: 'DPS Tiller' }));
    });

    it('records a new clinician in the same team', () => {
      spec
        .given(enrolmentNoted, teamLinked)
        .when(link({ clinicianId: 'clinician-9' }))
        .then(linked({ clinicianId: 'clinician-9' }));
    });

    it('changes nothing when the same link is made again', () => {
      spec.given(enrolmentNoted, teamLinked).when(link()).then();
    });
  });

  describe('Enrolled after treatment ended', () => {
    it('records the link: treatment starts again', () => {
      spec.given(enrolmentNoted, teamLinked, treatmentEnded).when(link()).then(linked());
    });
  });

  describe('Discharged', () => {
    it('refuses: IPS has ended', () => {
      spec.given(enrolmentNoted, dischargeNoted).when(link()).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });

  describe("once teams are defined: the clinician is picked from the participant's team", () => {
    const teamId = '0190a6f0-0000-7000-8000-00000000b001';
    const named = (memberships: { teamId: string; agency: string; role: string }[], participantTeamId: string | null = teamId) =>
      link({ named: { participantTeamId, memberships } } as never);
    const clinicianOfTeam = { teamId, agency: 'mental-health', role: 'clinician' };

    it("links a clinician of the participant's team; the event carries no directory facts", () => {
      spec
        .given(enrolmentNoted)
        .when(named([clinicianOfTeam]))
        .then(linked());
    });

    it('refuses someone not on the team, on another team, or on it in another role (422 TEAM.NOT_A_MEMBER naming clinicianId)', () => {
      for (const memberships of [
        [],
        [{ ...clinicianOfTeam, teamId: '0190a6f0-0000-7000-8000-00000000b002' }],
        [{ ...clinicianOfTeam, role: 'supervisor' }],
        [{ ...clinicianOfTeam, agency: 'municipality' }],
      ]) {
        spec.given(enrolmentNoted).when(named(memberships)).thenRefused(ParticipantCareErrors.notATeamMember, 'rejected');
      }
      const decision = decideLinkTreatmentTeam(named([]), fold(participantCareAggregate, [enrolmentNoted]));
      expect(decision.ok === false && decision.error.message).toMatch(/^clinicianId: /);
    });

    it("refuses when the directory does not know the participant's team", () => {
      spec
        .given(enrolmentNoted)
        .when(named([clinicianOfTeam], null))
        .thenRefused(ParticipantCareErrors.notATeamMember, 'rejected');
    });

    it('still answers 409 for a participant not enrolled before looking at the clinician', () => {
      spec.given().when(named([])).thenRefused(ParticipantCareErrors.notEnrolled, 'conflict');
    });
  });
});
