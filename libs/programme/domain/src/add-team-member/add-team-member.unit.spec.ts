import { decideSpec, metadataAt } from '@ips/testing';
import { CommandMetadata, fold } from '@ips/kernel';
import { ProgrammeTeamEvent, TeamErrors, TeamMemberAdded, programmeTeamAggregate } from '../index';
import { AddTeamMember, decideAddTeamMember } from './add-team-member.decide';

const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const now = '2026-11-02T09:00:00.000Z';
const today = '2026-11-02';
const spec = decideSpec(programmeTeamAggregate, decideAddTeamMember);
const as = (sub: string, agency: string, role: string, at = now): CommandMetadata => metadataAt(at, { actor: { sub, agency, role } });
const administrator = as('adm-1', 'programme', 'administrator');
const supervisor = as('sup-kari', 'welfare-office', 'supervisor');
const ingrid = { sub: 'es-ingrid', displayName: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist' } as const;
const add = (data: Partial<AddTeamMember['data']> = {}, metadata = administrator): AddTeamMember => ({
  type: 'AddTeamMember',
  data: { teamId, ...ingrid, ...data },
  metadata,
});
const added = (data: Partial<TeamMemberAdded['data']> = {}): TeamMemberAdded => ({
  type: 'TeamMemberAdded',
  data: { teamId, ...ingrid, from: today, addedAt: now, ...data },
});
const teamDefined: ProgrammeTeamEvent = {
  type: 'TeamDefined',
  data: { teamId, name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo', definedAt: '2026-09-01T08:00:00.000Z' },
};
const kariSupervises = added({
  sub: 'sup-kari',
  displayName: 'Kari Nilsen',
  role: 'supervisor',
  from: '2026-09-01',
  addedAt: '2026-09-01T08:00:00.000Z',
});
const ended = (sub: string, on: string): ProgrammeTeamEvent => ({
  type: 'TeamMembershipEnded',
  data: { teamId, sub, on, endedAt: `${on}T08:00:00.000Z` },
});
const ingridEarlier = added({ from: '2026-09-01', addedAt: '2026-09-01T08:00:00.000Z' });

describe('add team member', () => {
  describe('Undefined', () => {
    it('refuses: there is no such team', () => {
      spec.given().when(add()).thenRefused(TeamErrors.notFound, 'not-found');
    });
  });

  describe('Defined', () => {
    describe('who may add', () => {
      it('lets the administrator add a member, from today when no day is given', () => {
        spec.given(teamDefined).when(add()).then(added());
      });

      it('lets a supervisor of the team add a member', () => {
        spec.given(teamDefined, kariSupervises).when(add({}, supervisor)).then(added());
      });

      it.each([
        ['a supervisor of another team', [], supervisor],
        ['a supervisor whose membership has ended', [kariSupervises, ended('sup-kari', '2026-10-15')], supervisor],
        ['a supervisor whose membership ends today', [kariSupervises, ended('sup-kari', today)], supervisor],
        ['a member of the team who is not its supervisor', [kariSupervises], as('es-per', 'welfare-office', 'supervisor')],
        ['the same subject from another agency', [kariSupervises], as('sup-kari', 'mental-health', 'supervisor')],
        ['a coordinator of the programme', [kariSupervises], as('co-1', 'programme', 'coordinator')],
      ] as [string, ProgrammeTeamEvent[], CommandMetadata][])('answers %s as if the team did not exist', (_, history, metadata) => {
        const per = added({ sub: 'es-per', displayName: 'Per Lund', from: '2026-09-01', addedAt: '2026-09-01T08:00:00.000Z' });
        spec
          .given(teamDefined, per, ...history)
          .when(add({}, metadata))
          .thenRefused(TeamErrors.notFound, 'not-found');
      });

      it('does not let a supervisor act before their membership starts', () => {
        spec
          .given(teamDefined, added({ sub: 'sup-kari', displayName: 'Kari Nilsen', role: 'supervisor', from: '2026-11-03' }))
          .when(add({}, supervisor))
          .thenRefused(TeamErrors.notFound, 'not-found');
      });

      it('lets the administrator name a supervisor', () => {
        spec
          .given(teamDefined)
          .when(add({ role: 'supervisor' }))
          .then(added({ role: 'supervisor' }));
      });

      it('refuses a supervisor naming another supervisor', () => {
        spec
          .given(teamDefined, kariSupervises)
          .when(add({ role: 'supervisor' }, supervisor))
          .thenRefused(TeamErrors.supervisorByAdministrator, 'rejected');
      });
    });

    describe('agency and role', () => {
      it.each([
        ['welfare-office', 'caseworker'],
        ['welfare-office', 'employment-specialist'],
        ['mental-health', 'clinician'],
        ['mental-health', 'supervisor'],
        ['municipality', 'municipal-worker'],
        ['municipality', 'supervisor'],
      ] as const)('adds a member of the %s as %s', (agency, role) => {
        spec.given(teamDefined).when(add({ agency, role })).then(added({ agency, role }));
      });

      it.each([
        ['welfare-office', 'clinician'],
        ['welfare-office', 'municipal-worker'],
        ['mental-health', 'employment-specialist'],
        ['mental-health', 'caseworker'],
        ['municipality', 'clinician'],
        ['municipality', 'employment-specialist'],
      ] as const)('refuses a member of the %s as %s', (agency, role) => {
        spec.given(teamDefined).when(add({ agency, role })).thenRefused(TeamErrors.roleNotOfAgency, 'rejected');
      });
    });

    describe('from', () => {
      it.each(['2025-11-02', '2026-09-01', '2027-11-02'])('accepts a start on %s, within a year of today', (from) => {
        spec.given(teamDefined).when(add({ from })).then(added({ from }));
      });

      it.each(['2025-11-01', '2027-11-03', '2020-01-01'])('refuses a start on %s, more than a year from today', (from) => {
        spec.given(teamDefined).when(add({ from })).thenRefused(TeamErrors.fromOutOfRange, 'rejected');
      });

      it("starts on the team's today, not UTC's", () => {
        const lateEvening = '2026-12-31T23:30:00.000Z';
        spec
          .given(teamDefined)
          .when(add({}, as('adm-1', 'programme', 'administrator', lateEvening)))
          .then(added({ from: '2027-01-01', addedAt: lateEvening }));
      });
    });

    describe('twice', () => {
      it('refuses a person who is already a member', () => {
        spec.given(teamDefined, ingridEarlier).when(add()).thenRefused(TeamErrors.memberAlreadyAdded, 'conflict');
      });

      it('refuses a person whose membership is yet to start', () => {
        spec
          .given(teamDefined, added({ from: '2026-12-01' }))
          .when(add({ role: 'caseworker' }))
          .thenRefused(TeamErrors.memberAlreadyAdded, 'conflict');
      });

      it('adds a person again after their membership ended: a new period', () => {
        spec.given(teamDefined, ingridEarlier, ended('es-ingrid', '2026-10-01')).when(add()).then(added());
      });

      it('adds a person again from the day their earlier membership ends', () => {
        spec
          .given(teamDefined, ingridEarlier, ended('es-ingrid', '2026-12-01'))
          .when(add({ from: '2026-12-01', role: 'caseworker' }))
          .then(added({ from: '2026-12-01', role: 'caseworker' }));
      });

      it('refuses a new period that overlaps the ended one', () => {
        spec.given(teamDefined, ingridEarlier, ended('es-ingrid', '2026-12-01')).when(add()).thenRefused(TeamErrors.memberAlreadyAdded, 'conflict');
      });

      it('keeps the former membership next to the new one', () => {
        const history = [teamDefined, ingridEarlier, ended('es-ingrid', '2026-10-01'), added()];
        expect(fold(programmeTeamAggregate, history)).toMatchObject({
          members: { 'es-ingrid': { from: today, until: null } },
          formerMemberships: [{ sub: 'es-ingrid', from: '2026-09-01', until: '2026-10-01' }],
        });
      });
    });
  });
});
