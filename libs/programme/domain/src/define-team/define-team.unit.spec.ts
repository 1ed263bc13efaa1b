import { decideSpec, metadataAt } from '@ips/testing';
import { ProgrammeTeamEvent, TeamDefined, TeamErrors, programmeTeamAggregate } from '../index';
import { DefineTeam, decideDefineTeam } from './define-team.decide';

const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const now = '2026-11-02T09:00:00.000Z';
const spec = decideSpec(programmeTeamAggregate, decideDefineTeam);
const administrator = metadataAt(now, { actor: { sub: 'adm-1', agency: 'programme', role: 'administrator' } });
const definition = { teamId, name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo' };
const define = (data: Partial<DefineTeam['data']> = {}, metadata = administrator): DefineTeam => ({
  type: 'DefineTeam',
  data: { ...definition, ...data },
  metadata,
});
const defined = (data: Partial<TeamDefined['data']> = {}): TeamDefined => ({
  type: 'TeamDefined',
  data: { ...definition, definedAt: now, ...data },
});
const earlier = defined({ definedAt: '2026-10-01T08:00:00.000Z' });
const memberAdded: ProgrammeTeamEvent = {
  type: 'TeamMemberAdded',
  data: {
    teamId,
    sub: 'es-ingrid',
    displayName: 'Ingrid Solberg',
    agency: 'welfare-office',
    role: 'employment-specialist',
    from: '2026-10-01',
    addedAt: '2026-10-01T08:30:00.000Z',
  },
};

describe('define team', () => {
  describe('Undefined', () => {
    it('defines the team', () => {
      spec.given().when(define()).then(defined());
    });

    it('records the time zone as the time-zone database spells it', () => {
      spec
        .given()
        .when(define({ timeZone: 'europe/oslo' }))
        .then(defined({ timeZone: 'Europe/Oslo' }));
    });

    it.each(['Mars/Olympus_Mons', '+01:00', 'CET+1', 'Europe/Oslo '])('refuses the time zone %p', (timeZone) => {
      spec.given().when(define({ timeZone })).thenRefused(TeamErrors.invalidTimeZone, 'rejected');
    });

    it.each([
      ['a supervisor', { sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' }],
      ['a coordinator', { sub: 'co-1', agency: 'programme', role: 'coordinator' }],
      ['an administrator of another agency', { sub: 'x-1', agency: 'welfare-office', role: 'administrator' }],
    ])('refuses %s: only the administrator defines teams', (_, actor) => {
      spec
        .given()
        .when(define({}, metadataAt(now, { actor })))
        .thenRefused(TeamErrors.administratorOnly, 'rejected');
    });
  });

  describe('Defined', () => {
    it.each([
      ['name', { name: 'IPS Trondheim sør' }],
      ['municipality', { municipality: 'Trondheim kommune' }],
      ['time zone', { timeZone: 'Europe/Stockholm' }],
    ])('records the whole definition again when the %s changed', (_, change) => {
      spec.given(earlier).when(define(change)).then(defined(change));
    });

    it('records nothing for the same definition again', () => {
      spec.given(earlier).when(define()).then();
    });

    it('records nothing when only the spelling of the time zone differs', () => {
      spec
        .given(earlier)
        .when(define({ timeZone: 'europe/oslo' }))
        .then();
    });

    it('keeps the members when the team is redefined', () => {
      const state = [earlier, memberAdded, defined({ name: 'IPS Trondheim sør' })].reduce(programmeTeamAggregate.evolve, programmeTeamAggregate.initialState);
      expect(state).toMatchObject({ status: 'Defined', name: 'IPS Trondheim sør', members: { 'es-ingrid': { until: null } } });
    });

    it('refuses anyone but the administrator, a supervisor of the team included', () => {
      const supervisor = metadataAt(now, { actor: { sub: 'es-ingrid', agency: 'welfare-office', role: 'supervisor' } });
      spec
        .given(earlier, memberAdded)
        .when(define({ name: 'Ours' }, supervisor))
        .thenRefused(TeamErrors.administratorOnly, 'rejected');
    });
  });
});
