import { decideSpec, metadataAt } from '@ips/testing';
import { CommandMetadata } from '@ips/kernel';
import { ProgrammeTeamEvent, TeamErrors, TeamMemberAdded, TeamMembershipEnded, programmeTeamAggregate } from '../index';
import { EndTeamMembership, decideEndTeamMembership } from './end-team-membership.decide';

const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const now = '2026-11-02T09:00:00.000Z';
const today = '2026-11-02';
const spec = decideSpec(programmeTeamAggregate, decideEndTeamMembership);
const as = (sub: string, agency: string, role: string, at = now): CommandMetadata => metadataAt(at, { actor: { sub, agency, role } });
const administrator = as('adm-1', 'programme', 'administrator');
const supervisor = as('sup-kari', 'welfare-office', 'supervisor');
const end = (data: Partial<EndTeamMembership['data']> = {}, metadata = administrator): EndTeamMembership => ({
  type: 'EndTeamMembership',
  data: { teamId, sub: 'es-ingrid', ...data },
  metadata,
});
const ended = (data: Partial<TeamMembershipEnded['data']> = {}): TeamMembershipEnded => ({
  type: 'TeamMembershipEnded',
  data: { teamId, sub: 'es-ingrid', on: today, endedAt: now, ...data },
});
const member = (sub: string, role: TeamMemberAdded['data']['role'], from = '2026-09-01'): TeamMemberAdded => ({
  type: 'TeamMemberAdded',
  data: { teamId, sub, displayName: sub, agency: 'welfare-office', role, from, addedAt: `${from}T08:00:00.000Z` },
});
const teamDefined: ProgrammeTeamEvent = {
  type: 'TeamDefined',
  data: { teamId, name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo', definedAt: '2026-09-01T08:00:00.000Z' },
};
const kari = member('sup-kari', 'supervisor');
const ingrid = member('es-ingrid', 'employment-specialist');

describe('end team membership', () => {
  describe('Undefined', () => {
    it('refuses: there is no such team', () => {
      spec.given().when(end()).thenRefused(TeamErrors.notFound, 'not-found');
    });
  });

  describe('Defined', () => {
    describe('who may end', () => {
      it('lets the administrator end a membership, today when no day is given', () => {
        spec.given(teamDefined, ingrid).when(end()).then(ended());
      });

      it('lets a supervisor of the team end a membership', () => {
        spec.given(teamDefined, kari, ingrid).when(end({}, supervisor)).then(ended());
      });

      it.each([
        ['a supervisor of another team', supervisor],
        ['a member of the team who is not its supervisor', as('es-ingrid', 'welfare-office', 'supervisor')],
        ['a coordinator of the programme', as('co-1', 'programme', 'coordinator')],
      ])('answers %s as if the team did not exist', (_, metadata) => {
        spec.given(teamDefined, ingrid).when(end({}, metadata)).thenRefused(TeamErrors.notFound, 'not-found');
      });

      it('lets a supervisor step down', () => {
        spec
          .given(teamDefined, kari)
          .when(end({ sub: 'sup-kari' }, supervisor))
          .then(ended({ sub: 'sup-kari' }));
      });

      it("refuses a supervisor removing another supervisor: that is the administrator's", () => {
        spec
          .given(teamDefined, kari, member('sup-ola', 'supervisor'))
          .when(end({ sub: 'sup-ola' }, supervisor))
          .thenRefused(TeamErrors.supervisorByAdministrator, 'rejected');
      });

      it('lets the administrator remove a supervisor', () => {
        spec
          .given(teamDefined, kari)
          .when(end({ sub: 'sup-kari' }))
          .then(ended({ sub: 'sup-kari' }));
      });
    });

    describe('the membership', () => {
      it('refuses a person who was never on the team', () => {
        spec
          .given(teamDefined, ingrid)
          .when(end({ sub: 'es-per' }))
          .thenRefused(TeamErrors.memberNotFound, 'not-found');
      });

      it('refuses a membership that has already ended', () => {
        spec
          .given(teamDefined, ingrid, ended({ on: '2026-10-20' }))
          .when(end())
          .thenRefused(TeamErrors.memberNotFound, 'not-found');
      });

      it('ends the new period of a person who joined again', () => {
        const again = member('es-ingrid', 'caseworker', '2026-10-20');
        spec
          .given(teamDefined, ingrid, ended({ on: '2026-10-01' }), again)
          .when(end())
          .then(ended());
      });
    });

    describe('on', () => {
      it('ends a membership on a later day', () => {
        spec
          .given(teamDefined, ingrid)
          .when(end({ on: '2026-12-31' }))
          .then(ended({ on: '2026-12-31' }));
      });

      it('ends a membership on the day it started (it gave no access)', () => {
        spec
          .given(teamDefined, member('es-ingrid', 'employment-specialist', '2026-11-10'))
          .when(end({ on: '2026-11-10' }))
          .then(ended({ on: '2026-11-10' }));
      });

      it('refuses an end before the membership started', () => {
        spec
          .given(teamDefined, ingrid)
          .when(end({ on: '2026-08-31' }))
          .thenRefused(TeamErrors.endBeforeStart, 'rejected');
      });

      it('refuses an end before a membership that is yet to start', () => {
        spec
          .given(teamDefined, member('es-ingrid', 'employment-specialist', '2026-12-01'))
          .when(end())
          .thenRefused(TeamErrors.endBeforeStart, 'rejected');
      });

      it('ends a membership up to 30 days back', () => {
        spec
          .given(teamDefined, ingrid)
          .when(end({ on: '2026-10-03' }))
          .then(ended({ on: '2026-10-03' }));
      });

      it('refuses an end more than 30 days back: the access history is not rewritten', () => {
        spec
          .given(teamDefined, ingrid)
          .when(end({ on: '2026-10-02' }))
          .thenRefused(TeamErrors.endTooFarBack, 'rejected');
      });

      it("ends on the team's today, not UTC's", () => {
        const lateEvening = '2026-12-31T23:30:00.000Z';
        spec
          .given(teamDefined, ingrid)
          .when(end({}, as('adm-1', 'programme', 'administrator', lateEvening)))
          .then(ended({ on: '2027-01-01', endedAt: lateEvening }));
      });
    });
  });
});
