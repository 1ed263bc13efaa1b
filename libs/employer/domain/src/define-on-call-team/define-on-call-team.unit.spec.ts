import { decideSpec } from '@ips/testing';
import { OnCallRosterErrors, onCallRosterAggregate } from '../index';
import { shift, supervisorAt, teamDefined, teamId } from '../testing/on-call-roster.fixtures';
import { DefineOnCallTeam, decideDefineOnCallTeam } from './define-on-call-team.decide';

const spec = decideSpec(onCallRosterAggregate, decideDefineOnCallTeam);
const define = (data: Partial<DefineOnCallTeam['data']> = {}): DefineOnCallTeam => ({
  type: 'DefineOnCallTeam',
  data: { teamId, name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid', 'es-per'], ...data },
  metadata: supervisorAt('2026-02-20T09:00:00.000Z'),
});

describe('define on-call team', () => {
  describe('Undefined', () => {
    it('defines the team with its time zone and whose participants it covers', () => {
      spec.given().when(define()).then(teamDefined());
    });

    it('lists each specialist once', () => {
      spec
        .given()
        .when(define({ employmentSpecialistIds: ['es-ingrid', 'es-per', 'es-ingrid'] }))
        .then(teamDefined());
    });

    it.each(['Oslo', 'Europe/Trondheim', ''])('rejects the time zone %p', (timeZone) => {
      spec.given().when(define({ timeZone })).thenRefused(OnCallRosterErrors.invalidTimeZone, 'rejected');
    });
  });

  describe('Defined', () => {
    it('records nothing when defined again as it is', () => {
      spec.given(teamDefined()).when(define()).then();
    });

    it('redefines who is covered; the shifts stay', () => {
      const history = [teamDefined(), shift('s1', 'es-ingrid', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z')];
      spec
        .given(...history)
        .when(define({ employmentSpecialistIds: ['es-ingrid', 'es-per', 'es-kari'] }))
        .then(teamDefined({ employmentSpecialistIds: ['es-ingrid', 'es-per', 'es-kari'] }));
    });

    it('moves the team to another time zone', () => {
      spec
        .given(teamDefined())
        .when(define({ timeZone: 'Europe/Stockholm' }))
        .then(teamDefined({ timeZone: 'Europe/Stockholm' }));
    });
  });

  describe('once the programme has defined a team', () => {
    it("refuses to define or redefine an on-call team (409 ON_CALL.USE_PROGRAMME_TEAMS): the programme's teams are the on-call teams", () => {
      spec
        .given()
        .when(define({ teamsDefined: true }))
        .thenRefused(OnCallRosterErrors.useProgrammeTeams, 'conflict');
      spec
        .given(teamDefined())
        .when(define({ teamsDefined: true }))
        .thenRefused(OnCallRosterErrors.useProgrammeTeams, 'conflict');
    });
  });
});
