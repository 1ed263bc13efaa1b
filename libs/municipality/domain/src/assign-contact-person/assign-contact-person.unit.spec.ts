import { decideSpec, metadataAt } from '@ips/testing';
import { ParticipantServicesErrors, ParticipantServicesEvent, participantServicesAggregate } from '../index';
import { AssignContactPerson, decideAssignContactPerson } from './assign-contact-person.decide';

const participantId = '0190a6f0-0000-7000-8000-00000000c001';
const now = '2026-02-02T08:30:00.000Z';
const spec = decideSpec(participantServicesAggregate, decideAssignContactPerson);
const metadata = metadataAt(now, { actor: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' } });
const assign = (contactPersonId: string): AssignContactPerson => ({
  type: 'AssignContactPerson',
  data: { participantId, contactPersonId },
  metadata,
});
const assigned = (contactPersonId: string, assignedAt = now): ParticipantServicesEvent => ({
  type: 'MunicipalContactAssigned',
  data: { participantId, contactPersonId, assignedAt },
});
const housingGranted: ParticipantServicesEvent = {
  type: 'MunicipalServiceGranted',
  data: {
    participantId,
    serviceId: '0190a6f0-0000-7000-8000-0000000051a1',
    kind: 'housing',
    grantedFrom: '2026-01-01',
    note: null,
    grantedAt: '2026-01-01T09:00:00.000Z',
  },
};

describe('assign contact person', () => {
  describe('Unknown', () => {
    it('assigns a contact person without any IPS enrolment', () => {
      spec.given().when(assign('mw-7')).then(assigned('mw-7'));
    });
  });

  describe('Known', () => {
    it('assigns a first contact person to a resident who already has services', () => {
      spec.given(housingGranted).when(assign('mw-7')).then(assigned('mw-7'));
    });

    it('replaces the contact person', () => {
      spec.given(assigned('mw-7', '2026-01-10T08:00:00.000Z')).when(assign('mw-9')).then(assigned('mw-9'));
    });

    it('refuses the same person again', () => {
      spec.given(assigned('mw-7', '2026-01-10T08:00:00.000Z')).when(assign('mw-7')).thenRefused(ParticipantServicesErrors.contactUnchanged, 'conflict');
    });

    it('accepts a person who was the contact before, once someone else took over', () => {
      spec.given(assigned('mw-7', '2026-01-10T08:00:00.000Z'), assigned('mw-9', '2026-01-20T08:00:00.000Z')).when(assign('mw-7')).then(assigned('mw-7'));
    });
  });

  describe("once teams are defined: the contact person is picked from the participant's team", () => {
    const teamId = '0190a6f0-0000-7000-8000-00000000b001';
    const worker = { teamId, agency: 'municipality', role: 'municipal-worker' };
    const named = (contactPersonId: string, memberships: (typeof worker)[], participantTeamId: string | null = teamId): AssignContactPerson => ({
      ...assign(contactPersonId),
      data: { participantId, contactPersonId, named: { participantTeamId, memberships } },
    });

    it("names a municipal worker of the participant's team", () => {
      spec
        .given()
        .when(named('mw-7', [worker]))
        .then(assigned('mw-7'));
    });

    it('refuses anyone else (422 TEAM.NOT_A_MEMBER naming contactPersonId), and a participant the directory has on no team', () => {
      for (const memberships of [[], [{ ...worker, role: 'supervisor' }], [{ ...worker, teamId: '0190a6f0-0000-7000-8000-00000000b002' }]]) {
        spec.given().when(named('mw-7', memberships)).thenRefused(ParticipantServicesErrors.notATeamMember, 'rejected');
      }
      spec
        .given()
        .when(named('mw-7', [worker], null))
        .thenRefused(ParticipantServicesErrors.notATeamMember, 'rejected');
      const decision = decideAssignContactPerson(named('mw-7', []), { status: 'Unknown' } as never);
      expect(decision.ok === false && decision.error.message).toMatch(/^contactPersonId: mw-7 /);
    });
  });
});
