import { decideSpec, metadataAt } from '@ips/testing';
import {
  EmergencyAccessErrors,
  EmergencyAccessEvent,
  decideEndEmergencyAccess,
  decideGrantEmergencyAccess,
  decideReviewEmergencyAccess,
  emergencyAccessAggregate,
  grantInForce,
  statusOf,
} from './emergency-access';
import { fold } from '@ips/kernel';

const participantId = '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11';
const grantId = '0193c000-0000-7000-8000-00000000e001';
const teamId = '0193c000-0000-7000-8000-00000000a001';
const drHolm = { sub: 'dr-holm', agency: 'mental-health', role: 'clinician' };
const supBerit = { sub: 'sup-berit', agency: 'welfare-office', role: 'supervisor' };
const now = '2026-03-02T09:00:00.000Z';
const as = (actor: typeof drHolm, at = now) => metadataAt(at, { actor });

const granted: EmergencyAccessEvent = {
  type: 'EmergencyAccessGranted',
  data: {
    grantId,
    participantId,
    teamId,
    holder: drHolm,
    reasonCode: 'urgent-care',
    reason: 'Acute admission tonight, team unreachable',
    grantedAt: now,
    until: '2026-03-02T13:00:00.000Z',
  },
};

describe('emergency access', () => {
  describe('grant-emergency-access', () => {
    const spec = decideSpec(emergencyAccessAggregate, decideGrantEmergencyAccess);
    const grant = (data: Partial<Parameters<typeof decideGrantEmergencyAccess>[0]['data']> = {}, actor = drHolm, at = now) => ({
      type: 'GrantEmergencyAccess' as const,
      data: {
        grantId,
        participantId,
        teamId,
        reasonCode: 'urgent-care' as const,
        reason: 'Acute admission tonight, team unreachable',
        until: null,
        defaultHours: 4,
        relation: null,
        ...data,
      },
      metadata: as(actor, at),
    });

    it('opens the record to the reader for the default hours from now, with the team of the day', () => spec.given().when(grant()).then(granted));
    it('ends when asked, within the longest allowed', () =>
      spec
        .given()
        .when(grant({ until: '2026-03-02T10:30:00.000Z' }))
        .then({ ...granted, data: { ...granted.data, until: '2026-03-02T10:30:00.000Z' } } as EmergencyAccessEvent));
    it('is not for someone who works with the participant already', () => {
      spec
        .given()
        .when(grant({ relation: 'member' }))
        .thenRefused(EmergencyAccessErrors.notNeeded, 'conflict');
      spec
        .given()
        .when(grant({ relation: 'named' }))
        .thenRefused(EmergencyAccessErrors.notNeeded, 'conflict');
    });
    it('cannot end in the past or now', () => {
      spec
        .given()
        .when(grant({ until: '2026-03-02T08:59:59.000Z' }))
        .thenRefused(EmergencyAccessErrors.untilNotAhead, 'rejected');
      spec
        .given()
        .when(grant({ until: now }))
        .thenRefused(EmergencyAccessErrors.untilNotAhead, 'rejected');
    });
    it('lasts at most 24 hours', () =>
      spec
        .given()
        .when(grant({ until: '2026-03-03T09:00:01.000Z' }))
        .thenRefused(EmergencyAccessErrors.tooLong, 'rejected'));
    it('is not opened twice by one person while the first is in force, and again once it expired', () => {
      spec
        .given(granted)
        .when(grant({ grantId: 'another' }, drHolm, '2026-03-02T12:59:59.000Z'))
        .thenRefused(EmergencyAccessErrors.alreadyOpen, 'conflict');
      spec
        .given(granted)
        .when(grant({ grantId: 'another' }, drHolm, '2026-03-02T13:00:00.000Z'))
        .then({
          type: 'EmergencyAccessGranted',
          data: { ...granted.data, grantId: 'another', grantedAt: '2026-03-02T13:00:00.000Z', until: '2026-03-02T17:00:00.000Z' },
        });
    });
    it("another person's grant is theirs alone", () =>
      spec
        .given(granted)
        .when(grant({ grantId: 'another' }, supBerit))
        .then({ type: 'EmergencyAccessGranted', data: { ...granted.data, grantId: 'another', holder: supBerit } }));
  });

  describe('in force', () => {
    const grants = fold(emergencyAccessAggregate, [granted]);
    it('from its start until it expires', () => {
      expect(grantInForce(grants, drHolm, new Date('2026-03-02T08:59:59.999Z'))).toBeNull();
      expect(grantInForce(grants, drHolm, new Date(now))?.grantId).toBe(grantId);
      expect(grantInForce(grants, drHolm, new Date('2026-03-02T12:59:59.999Z'))?.grantId).toBe(grantId);
      expect(grantInForce(grants, drHolm, new Date('2026-03-02T13:00:00.000Z'))).toBeNull();
      expect(statusOf(grants.get(grantId)!, new Date('2026-03-02T13:00:00.000Z'))).toBe('expired');
    });
    it('for its holder only (the same sub at another agency is someone else)', () => {
      expect(grantInForce(grants, supBerit, new Date(now))).toBeNull();
      expect(grantInForce(grants, { sub: 'dr-holm', agency: 'welfare-office' }, new Date(now))).toBeNull();
    });
    it('until its holder ends it', () => {
      const ended = fold(emergencyAccessAggregate, [
        granted,
        { type: 'EmergencyAccessEnded', data: { grantId, participantId, endedAt: '2026-03-02T10:00:00.000Z' } },
      ]);
      expect(grantInForce(ended, drHolm, new Date('2026-03-02T09:59:59.999Z'))?.grantId).toBe(grantId);
      expect(grantInForce(ended, drHolm, new Date('2026-03-02T10:00:00.000Z'))).toBeNull();
      expect(statusOf(ended.get(grantId)!, new Date('2026-03-02T10:00:00.000Z'))).toBe('ended');
    });
  });

  describe('end-emergency-access: end early', () => {
    const spec = decideSpec(emergencyAccessAggregate, decideEndEmergencyAccess);
    const end = (actor = drHolm, at = '2026-03-02T10:00:00.000Z') => ({ type: 'EndEmergencyAccess' as const, data: { grantId }, metadata: as(actor, at) });

    it('by its holder, from now', () =>
      spec
        .given(granted)
        .when(end())
        .then({ type: 'EmergencyAccessEnded', data: { grantId, participantId, endedAt: '2026-03-02T10:00:00.000Z' } }));
    it('by nobody else: to them there is no such grant', () => {
      spec.given(granted).when(end(supBerit)).thenRefused(EmergencyAccessErrors.notFound, 'not-found');
      spec.given().when(end()).thenRefused(EmergencyAccessErrors.notFound, 'not-found');
    });
    it('not once it expired or ended', () => {
      spec.given(granted).when(end(drHolm, '2026-03-02T13:00:00.000Z')).thenRefused(EmergencyAccessErrors.ended, 'conflict');
      spec
        .given(granted, { type: 'EmergencyAccessEnded', data: { grantId, participantId, endedAt: '2026-03-02T09:30:00.000Z' } })
        .when(end())
        .thenRefused(EmergencyAccessErrors.ended, 'conflict');
    });
  });

  describe('review-emergency-access', () => {
    const spec = decideSpec(emergencyAccessAggregate, decideReviewEmergencyAccess);
    const review = (actor = supBerit) => ({
      type: 'ReviewEmergencyAccess' as const,
      data: { grantId, note: 'Justified: admitted at 23:10.' },
      metadata: as(actor, '2026-03-03T08:00:00.000Z'),
    });
    const reviewed: EmergencyAccessEvent = {
      type: 'EmergencyAccessReviewed',
      data: { grantId, participantId, reviewedBy: supBerit, note: 'Justified: admitted at 23:10.', at: '2026-03-03T08:00:00.000Z' },
    };

    it('records who reviewed it, when, and the note', () => spec.given(granted).when(review()).then(reviewed));
    it('once', () => spec.given(granted, reviewed).when(review()).thenRefused(EmergencyAccessErrors.alreadyReviewed, 'conflict'));
    it('not by its holder', () =>
      spec
        .given(granted)
        .when(review({ ...drHolm, role: 'supervisor' }))
        .thenRefused(EmergencyAccessErrors.ownGrant, 'rejected'));
    it('not of a grant that does not exist', () => spec.given().when(review()).thenRefused(EmergencyAccessErrors.notFound, 'not-found'));
  });
});
