import { decideSpec, metadataAt } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { ReferParticipant, decideReferParticipant } from './refer-participant.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000aaaa';
const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const spec = decideSpec(participantAggregate, decideReferParticipant);
const referral: ReferParticipant['data'] = {
  participantId,
  givenName: 'Kari',
  familyName: 'Nordmann',
  birthDate: '1994-03-02',
  referredBy: 'DPS Lerkendal',
  reason: null,
  teamId,
};
const refer = (data: Partial<ReferParticipant['data']> = {}): ReferParticipant => ({
  type: 'ReferParticipant',
  data: { ...referral, ...data },
  metadata: metadataAt('2026-01-05T09:00:00.000Z'),
});
const referred = {
  type: 'ParticipantReferred' as const,
  data: { ...referral, referredAt: '2026-01-05T09:00:00.000Z' },
};

describe('refer-participant: refer participant', () => {
  describe('Unknown', () => {
    it('records the referral at the time it was made, to the team named', () => {
      spec.given().when(refer()).then(referred);
    });

    it('puts the participant in that team, from the day of the referral', () => {
      const state = participantAggregate.evolve(participantAggregate.initialState, referred);
      expect(state).toMatchObject({ status: 'Referred', teamId, teams: [{ teamId, from: '2026-01-05' }] });
    });

    it('never refuses for what the reason says (zero exclusion)', () => {
      const reason = 'active psychosis last month, uses cannabis, no work history, missed three appointments';
      spec
        .given()
        .when(refer({ reason }))
        .then({ ...referred, data: { ...referred.data, reason } });
    });
  });

  describe('Referred', () => {
    it('refuses a second referral under the same id', () => {
      spec.given(referred).when(refer()).thenRefused(ParticipantErrors.alreadyReferred, 'conflict');
    });
  });
});
