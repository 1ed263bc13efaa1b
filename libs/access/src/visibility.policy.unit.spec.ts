import { Principal } from './principal';
import { SharingConsent, VisibleEntry, canSee } from './visibility.policy';

const participantId = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const welfare: Principal = { sub: 'cw', agency: 'welfare-office', role: 'caseworker' };
const clinician: Principal = { sub: 'dr', agency: 'mental-health', role: 'clinician' };
const municipal: Principal = { sub: 'mw', agency: 'municipality', role: 'municipal-worker' };
const employer: Principal = { sub: 'boss', agency: 'employer', role: 'employer', employerId: 'e1' };
const entry = (source: VisibleEntry['source'], extra: Partial<VisibleEntry> = {}): VisibleEntry => ({
  source,
  participantId,
  health: false,
  ...extra,
});
const consent = (shareWith: SharingConsent['shareWith'], employerDisclosure = false): SharingConsent => ({
  shareWith,
  employerDisclosure,
  recordedBy: 'welfare-office',
});

describe('who sees a timeline entry', () => {
  describe('without consent', () => {
    it('each agency sees only its own entries', () => {
      expect(canSee(welfare, entry('welfare-office'), null)).toBe(true);
      expect(canSee(clinician, entry('welfare-office'), null)).toBe(false);
      expect(canSee(welfare, entry('mental-health', { health: true }), null)).toBe(false);
    });

    it('the participant sees their whole record, and nobody else’s', () => {
      const own: Principal = { sub: 'p', agency: 'participant', role: 'participant', participantId };
      const other: Principal = { ...own, participantId: '00000000-0000-4000-8000-000000000000' };
      expect(canSee(own, entry('mental-health', { health: true }), null)).toBe(true);
      expect(canSee(other, entry('welfare-office'), null)).toBe(false);
    });
  });

  describe('with consent to share with mental health', () => {
    it('mental health and the recording welfare office see each other’s entries; the municipality does not', () => {
      const given = consent(['mental-health']);
      expect(canSee(clinician, entry('welfare-office'), given)).toBe(true);
      expect(canSee(welfare, entry('mental-health', { health: true }), given)).toBe(true);
      expect(canSee(municipal, entry('welfare-office'), given)).toBe(false);
      expect(canSee(clinician, entry('municipality'), given)).toBe(false);
    });
  });

  describe('an employer', () => {
    it('sees nothing of others without disclosure, only entries about its own placements with it, never health', () => {
      expect(canSee(employer, entry('welfare-office', { employerId: 'e1' }), consent(['employer']))).toBe(false);
      expect(canSee(employer, entry('welfare-office', { employerId: 'e1' }), consent(['employer'], true))).toBe(true);
      expect(canSee(employer, entry('welfare-office', { employerId: 'e2' }), consent(['employer'], true))).toBe(false);
      expect(canSee(employer, entry('mental-health', { health: true, employerId: 'e1' }), consent(['employer'], true))).toBe(false);
    });

    it('sees its own placement records only with disclosure, but its own contact requests always', () => {
      expect(canSee(employer, entry('employer', { employerId: 'e1' }), null)).toBe(false);
      expect(canSee(employer, entry('employer', { employerId: 'e1' }), consent(['employer'], true))).toBe(true);
      expect(canSee(employer, entry('employer', { employerId: 'e1', alwaysToNamedEmployer: true }), null)).toBe(true);
      expect(canSee(employer, entry('employer', { employerId: 'e2', alwaysToNamedEmployer: true }), null)).toBe(false);
    });
  });
});
