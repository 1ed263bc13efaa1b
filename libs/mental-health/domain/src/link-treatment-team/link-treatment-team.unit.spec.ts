import { decideSpec } from '@ips/testing';
import { ParticipantCareErrors, participantCareAggregate } from '../index';
import {
  command,
  dischargeNoted,
  enrolmentNoted,
  now,
  participantId,
  team,
  teamLinked,
  treatmentEnded,
} from '../testing/participant-care.fixtures';
import { LinkTreatmentTeam, decideLinkTreatmentTeam } from './link-treatment-team.decide';

const spec = decideSpec(participantCareAggregate, decideLinkTreatmentTeam);
const link = (data: Partial<typeof team> = {}): LinkTreatmentTeam =>
  command('LinkTreatmentTeam', { participantId, ...team, ...data });
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
      spec.given(enrolmentNoted, teamLinked).when(link({ teamName: 'DPS Tiller' })).then(linked({ teamName: 'DPS Tiller' }));
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
});
