import { contracts } from './registry';
import { SEALED_PREFIX } from './sealed';
import { FieldRule } from './schema';

const sealed = `${SEALED_PREFIX}c2VhbGVkIGJ5IHRoZSB0ZXN0`;

const referral = {
  id: '01a20000-0000-7000-8000-000000000001',
  type: 'ParticipantReferred',
  version: 1,
  source: 'welfare-office',
  participantId: '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01',
  occurredAt: '2026-03-02T09:00:00.000Z',
  recordedBy: { sub: 'cw-1', agency: 'welfare-office', role: 'caseworker' },
  data: { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' },
};

/**
 * Text that is about the person must be sealed, so that erasing their key erases it. These text fields
 * are not: staff ids, an organisation's team name, and the job's title.
 */
const NOT_PERSONAL = new Set([
  'ParticipantEnrolled.employmentSpecialistId',
  'ParticipantEnrolled.contactPersonId',
  'TreatmentTeamLinked.teamName',
  'TreatmentTeamLinked.clinicianId',
  'PlacementStarted.jobTitle',
  'ContactRequestReceived.assigneeId',
  'ContactRequestEscalated.assigneeId',
  'MunicipalContactAssigned.contactPersonId',
]);
const isText = (rule: FieldRule): boolean => rule.kind === 'text' || (rule.kind === 'list' && isText(rule.of));

describe('personal fields of the shared events', () => {
  it('are sealed wherever they hold text: every text field is personal unless named as not', () => {
    const unclassified = contracts
      .all()
      .flatMap((contract) => Object.entries(contract.fields).map(([name, spec]) => ({ name: `${contract.type}.${name}`, spec })))
      .filter(({ name, spec }) => isText(spec.rule) && !spec.personal && !NOT_PERSONAL.has(name))
      .map(({ name }) => name);
    expect(unclassified).toEqual([]);
  });

  it('include the name and birth date of a referral', () => {
    const fields = contracts.find('ParticipantReferred', 1)?.fields ?? {};
    expect(['givenName', 'familyName', 'birthDate'].filter((name) => fields[name]?.personal)).toEqual(['givenName', 'familyName', 'birthDate']);
  });

  it('accept a sealed value in place of the plain one, whatever its length or the rule', () => {
    const long = sealed + 'A'.repeat(400);
    const event = { ...referral, data: { ...referral.data, givenName: long, birthDate: sealed } };
    expect(contracts.validate(event).ok).toBe(true);
  });

  it('accept a list sealed item by item, and still check the plain items and the list length', () => {
    const plan = {
      ...referral,
      type: 'ActionPlanWritten',
      data: { goals: [sealed, 'Work in a shop'], jobPreferences: [], hoursPerWeek: 20, supportsWanted: [sealed] },
    };
    expect(contracts.validate(plan).ok).toBe(true);
    expect(contracts.validate({ ...plan, data: { ...plan.data, goals: [sealed, 42] } }).ok).toBe(false);
    expect(contracts.validate({ ...plan, data: { ...plan.data, goals: Array(21).fill(sealed) } }).ok).toBe(false);
  });

  it('still reject a plain value that breaks the rule', () => {
    expect(contracts.validate({ ...referral, data: { ...referral.data, birthDate: '1994-02-30' } }).ok).toBe(false);
  });

  it('are the only fields that take a sealed value', () => {
    const enrolment = { ...referral, type: 'ParticipantEnrolled', data: { employmentSpecialistId: sealed + '!'.repeat(300), contactPersonId: 'cw-1' } };
    expect(contracts.validate(enrolment).ok).toBe(false);
  });
});
