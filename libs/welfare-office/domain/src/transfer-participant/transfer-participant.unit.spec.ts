import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { decideSpec } from '@ips/testing';
import { fold } from '@ips/kernel';
import { ParticipantErrors, ParticipantEvent, participantAggregate } from '../index';
import {
  command,
  discharged,
  enrolled,
  erased,
  now,
  otherTeamId,
  participantId,
  referred,
  referredBeforeTeams,
  teamId,
  transferred,
} from '../testing/participant.fixtures';
import { TransferParticipant, decideTransferParticipant } from './transfer-participant.decide';

const spec = decideSpec(participantAggregate, decideTransferParticipant);
const thirdTeamId = '0190a6f0-0000-7000-8000-00000000b003';
const today = now.slice(0, 10);
const transfer = (data: Partial<TransferParticipant['data']> = {}): TransferParticipant =>
  command('TransferParticipant' as const, { participantId, toTeamId: otherTeamId, toTeamKnown: true, reason: 'moved to Heimdal', ...data });
const transferredToday = (from: string, to: string, on = today): ParticipantEvent => ({
  type: 'ParticipantTransferred',
  data: { participantId, fromTeamId: from, toTeamId: to, reason: 'moved to Heimdal', on, at: now },
});
const withdrawn: ParticipantEvent = { type: 'ReferralWithdrawn', data: { participantId, reason: 'not now', at: '2026-01-06T09:00:00.000Z' } };

describe('transfer-participant: transfer participant', () => {
  describe('Unknown', () => {
    it('is not found', () => spec.given().when(transfer()).thenRefused(ParticipantErrors.notFound, 'not-found'));
  });

  describe('Referred', () => {
    it('moves the participant to the team from today, naming the team they leave and keeping the reason', () =>
      spec.given(referred).when(transfer()).then(transferredToday(teamId, otherTeamId)));

    it('takes a day up to 30 days back or ahead', () => {
      spec
        .given(referred)
        .when(transfer({ on: '2026-01-11' }))
        .then(transferredToday(teamId, otherTeamId, '2026-01-11'));
      spec
        .given(referred)
        .when(transfer({ on: '2026-03-12' }))
        .then(transferredToday(teamId, otherTeamId, '2026-03-12'));
    });

    it('refuses a day more than 30 days back or ahead (422)', () => {
      spec
        .given(referred)
        .when(transfer({ on: '2026-01-10' }))
        .thenRefused(ParticipantErrors.transferDateOutOfRange, 'rejected');
      spec
        .given(referred)
        .when(transfer({ on: '2026-03-13' }))
        .thenRefused(ParticipantErrors.transferDateOutOfRange, 'rejected');
    });

    it('refuses a day before the participant joined the current team (422): the history stays in order', () => {
      const lateReferral: ParticipantEvent = {
        type: 'ParticipantReferred',
        data: { ...referredBeforeTeams.data, teamId, referredAt: '2026-02-01T08:00:00.000Z' },
      };
      spec
        .given(lateReferral)
        .when(transfer({ on: '2026-01-31' }))
        .thenRefused(ParticipantErrors.transferDateOutOfRange, 'rejected');
      spec
        .given(referred, transferred)
        .when(transfer({ toTeamId: thirdTeamId, on: '2026-01-31' }))
        .thenRefused(ParticipantErrors.transferDateOutOfRange);
    });

    it('refuses a transfer to the team the participant is in (409)', () =>
      spec
        .given(referred)
        .when(transfer({ toTeamId: teamId }))
        .thenRefused(ParticipantErrors.sameTeam, 'conflict'));

    it('refuses a team the programme does not know (404)', () =>
      spec
        .given(referred)
        .when(transfer({ toTeamKnown: false }))
        .thenRefused(ParticipantErrors.teamNotFound, 'not-found'));

    it('judges "the same team" by the latest transfer, also while its day is ahead', () => {
      const ahead = transferredToday(teamId, otherTeamId, '2026-03-01');
      spec.given(referred, ahead).when(transfer()).thenRefused(ParticipantErrors.sameTeam);
      spec
        .given(referred, ahead)
        .when(transfer({ toTeamId: teamId, on: '2026-03-01' }))
        .then(transferredToday(otherTeamId, teamId, '2026-03-01'));
    });
  });

  describe('Referred before teams existed', () => {
    it('belongs to the default team, and moves from it', () =>
      spec.given(referredBeforeTeams).when(transfer()).then(transferredToday(DEFAULT_TEAM_ID, otherTeamId)));

    it('refuses a transfer to the default team (409)', () =>
      spec
        .given(referredBeforeTeams)
        .when(transfer({ toTeamId: DEFAULT_TEAM_ID }))
        .thenRefused(ParticipantErrors.sameTeam));
  });

  describe('Enrolled', () => {
    it('moves the participant with their caseload details kept', () => {
      spec.given(referred, enrolled).when(transfer()).then(transferredToday(teamId, otherTeamId));
      const state = fold(participantAggregate, [referred, enrolled, transferred]);
      expect(state).toMatchObject({ status: 'Enrolled', employmentSpecialistId: 'es-7', teamId: otherTeamId });
    });

    it('keeps every team in the history, oldest first', () => {
      const back = transferredToday(otherTeamId, teamId);
      expect(fold(participantAggregate, [referredBeforeTeams, enrolled, transferred, back])).toMatchObject({
        teamId,
        teams: [
          { teamId: DEFAULT_TEAM_ID, from: '2026-01-05' },
          { teamId: otherTeamId, from: '2026-02-01' },
          { teamId, from: today },
        ],
      });
    });
  });

  describe('ReferralWithdrawn', () => {
    it('is refused: the referral is closed (409)', () =>
      spec.given(referred, withdrawn).when(transfer()).thenRefused(ParticipantErrors.referralClosed, 'conflict'));
  });

  describe('Discharged', () => {
    it('is refused: the participant left IPS (409)', () =>
      spec.given(referred, enrolled, discharged).when(transfer()).thenRefused(ParticipantErrors.alreadyDischarged, 'conflict'));
  });

  describe('Erased', () => {
    it('is refused (409)', () => spec.given(referred, erased).when(transfer()).thenRefused(ParticipantErrors.erased, 'conflict'));
  });
});
