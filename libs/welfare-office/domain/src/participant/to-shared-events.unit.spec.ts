import { DEFAULT_TEAM_ID, contracts } from '@ips/contracts';
import {
  consentGiven,
  discharged,
  enrolled,
  otherTeamId,
  planWritten,
  profileCreated,
  proposalId,
  proposed,
  proposedLater,
  referred,
  referredBeforeTeams,
  teamId,
  transferred,
} from '../testing/participant.fixtures';
import { participantToShared } from './to-shared-events';

const envelope = { id: '01a20000-0000-7000-8000-0000000000aa', recordedBy: { sub: 'cw-3', agency: 'welfare-office', role: 'caseworker' } };

describe('welfare-office events as shared events', () => {
  it.each([referred, transferred, enrolled, consentGiven, profileCreated, discharged, proposed, proposedLater, planWritten])(
    '$type passes its contract',
    (event) => {
      const [shared] = participantToShared(event, envelope);
      expect(contracts.validate(shared)).toEqual({ ok: true, event: shared });
    },
  );

  it('publishes a referral as ParticipantReferred v2 with its team', () => {
    expect(participantToShared(referred, envelope)).toMatchObject([{ type: 'ParticipantReferred', version: 2, data: { teamId } }]);
  });

  it('names the default team for a referral recorded before teams existed', () => {
    expect(participantToShared(referredBeforeTeams, envelope)).toMatchObject([{ version: 2, data: { teamId: DEFAULT_TEAM_ID } }]);
  });

  it('publishes a transfer as ParticipantTransferred v1, on the day it was recorded for', () => {
    const [shared] = participantToShared(transferred, envelope);
    expect(shared).toMatchObject({ type: 'ParticipantTransferred', version: 1, occurredAt: '2026-02-01T09:00:00.000Z' });
    expect(shared?.data).toEqual({ fromTeamId: teamId, toTeamId: otherTeamId, reason: 'moved to Heimdal', on: '2026-02-01' });
  });

  it("publishes the participant's proposal as ActionPlanProposed v1, and a plan recorded from it naming it", () => {
    expect(participantToShared(proposed, envelope)).toMatchObject([
      { type: 'ActionPlanProposed', version: 1, data: { proposalId, note: 'fewer hours at first' } },
    ]);
    const recorded = { ...planWritten, data: { ...planWritten.data, proposalId } } as typeof planWritten;
    const [shared] = participantToShared(recorded, envelope);
    expect(shared).toMatchObject({ type: 'ActionPlanWritten', version: 1, data: { proposalId } });
    expect(contracts.validate(shared)).toMatchObject({ ok: true });
  });
});
