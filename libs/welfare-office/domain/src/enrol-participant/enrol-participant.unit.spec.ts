import { decideSpec, metadataAt } from '@ips/testing';
import { fold as foldEvents } from '@ips/kernel';
import { ParticipantErrors, ParticipantEvent, participantAggregate } from '../index';
import { EnrolParticipant, decideEnrolParticipant } from './enrol-participant.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000bbbb';
const spec = decideSpec(participantAggregate, decideEnrolParticipant);
const fold = (events: ParticipantEvent[]) => foldEvents(participantAggregate, events);
const enrol: EnrolParticipant = {
  type: 'EnrolParticipant',
  data: { participantId, employmentSpecialistId: 'es-7', contactPersonId: 'cw-3' },
  metadata: metadataAt('2026-01-12T10:00:00.000Z'),
};
const referred: ParticipantEvent = {
  type: 'ParticipantReferred',
  data: {
    participantId,
    givenName: 'Ola',
    familyName: 'Hansen',
    birthDate: '2001-11-30',
    referredBy: 'self',
    reason: null,
    referredAt: '2026-01-05T09:00:00.000Z',
  },
};
const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  data: { participantId, employmentSpecialistId: 'es-7', contactPersonId: 'cw-3', enrolledAt: '2026-01-12T10:00:00.000Z' },
};

describe('enrol-participant: enrol participant', () => {
  describe('Unknown', () => {
    it('refuses: there is no referral to enrol', () => {
      spec.given().when(enrol).thenRefused(ParticipantErrors.notFound, 'not-found');
    });
  });

  describe('Referred', () => {
    it('puts the participant on the specialist’s caseload with a fixed contact person', () => {
      spec.given(referred).when(enrol).then(enrolled);
    });
  });

  describe('ReferralWithdrawn', () => {
    it('refuses: the participant withdrew the referral', () => {
      const withdrawn: ParticipantEvent = {
        type: 'ReferralWithdrawn',
        data: { participantId, reason: 'not now', at: '2026-01-06T09:00:00.000Z' },
      };
      spec.given(referred, withdrawn).when(enrol).thenRefused(ParticipantErrors.referralClosed, 'conflict');
    });
  });

  describe('Enrolled', () => {
    it('refuses a second enrolment', () => {
      spec.given(referred, enrolled).when(enrol).thenRefused(ParticipantErrors.alreadyEnrolled, 'conflict');
    });
  });

  describe("once teams are defined: the people named are on the participant's team today, in the role their field asks for", () => {
    const teamId = '0190a6f0-0000-7000-8000-00000000b001';
    const otherTeamId = '0190a6f0-0000-7000-8000-00000000b002';
    const onTeam = { referredAt: '2026-01-05T09:00:00.000Z', teamId };
    const referredToTeam: ParticipantEvent = { type: 'ParticipantReferred', data: { ...(referred.data as object), ...onTeam } as never };
    const specialist = [{ teamId, agency: 'welfare-office', role: 'employment-specialist' }];
    const caseworker = [{ teamId, agency: 'welfare-office', role: 'caseworker' }];
    const withStaff = (employmentSpecialist: readonly object[], contactPerson: readonly object[]): EnrolParticipant => ({
      ...enrol,
      data: { ...enrol.data, staff: { employmentSpecialist, contactPerson } as never },
    });

    it('enrols with a specialist and a caseworker of the team; the event carries no directory facts', () => {
      spec.given(referredToTeam).when(withStaff(specialist, caseworker)).then(enrolled);
    });

    it('refuses a specialist who is not on the team (422 TEAM.NOT_A_MEMBER naming employmentSpecialistId)', () => {
      const decision = decideEnrolParticipant(withStaff([], caseworker), fold([referredToTeam]));
      expect(decision).toEqual({
        ok: false,
        error: { kind: 'rejected', code: 'TEAM.NOT_A_MEMBER', message: expect.stringMatching(/^employmentSpecialistId: es-7 /) },
      });
    });

    it('refuses a specialist on another team, and one of the team in another role', () => {
      spec
        .given(referredToTeam)
        .when(withStaff([{ ...specialist[0], teamId: otherTeamId }], caseworker))
        .thenRefused('TEAM.NOT_A_MEMBER', 'rejected');
      spec.given(referredToTeam).when(withStaff(caseworker, caseworker)).thenRefused('TEAM.NOT_A_MEMBER', 'rejected');
    });

    it('refuses a contact person who is not a caseworker of the team (naming contactPersonId)', () => {
      const decision = decideEnrolParticipant(withStaff(specialist, specialist), fold([referredToTeam]));
      expect(decision.ok === false && decision.error.message).toMatch(/^contactPersonId: cw-3 /);
      spec
        .given(referredToTeam)
        .when(withStaff(specialist, [{ ...caseworker[0], agency: 'municipality' }]))
        .thenRefused('TEAM.NOT_A_MEMBER');
    });

    it("reads the team of the day: after a transfer the new team's people, not before its day", () => {
      const transferred = (on: string): ParticipantEvent => ({
        type: 'ParticipantTransferred',
        data: { participantId, fromTeamId: teamId, toTeamId: otherTeamId, reason: 'moved', on, at: '2026-01-10T09:00:00.000Z' },
      });
      const ofOther = (rows: readonly { teamId: string }[]) => rows.map((row) => ({ ...row, teamId: otherTeamId }));
      spec
        .given(referredToTeam, transferred('2026-01-11'))
        .when(withStaff(ofOther(specialist), ofOther(caseworker)))
        .then(enrolled);
      spec.given(referredToTeam, transferred('2026-01-11')).when(withStaff(specialist, caseworker)).thenRefused('TEAM.NOT_A_MEMBER');
      // A transfer dated ahead: still the first team's people today.
      spec.given(referredToTeam, transferred('2026-02-01')).when(withStaff(specialist, caseworker)).then(enrolled);
    });

    it('checks the people only once the state allows an enrolment: a second enrolment is 409, never a replacement', () => {
      spec.given(referredToTeam, enrolled).when(withStaff([], [])).thenRefused(ParticipantErrors.alreadyEnrolled, 'conflict');
    });
  });
});
