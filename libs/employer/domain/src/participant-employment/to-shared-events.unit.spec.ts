import { EmployerSharedEvent, contracts } from '@ips/contracts';
import { ParticipantEmploymentEvent } from '../index';
import { disclosure, discharged, employerId, ended, enrolled, linked, participantId, placementId, started } from '../testing/participant-employment.fixtures';
import { participantEmploymentToShared } from './to-shared-events';

const envelope = {
  id: '0190a6f0-0000-7000-8000-00000000f001',
  recordedBy: { sub: 'es-7', agency: 'welfare-office', role: 'employment-specialist' },
};
const contactMade: ParticipantEmploymentEvent = {
  type: 'FollowAlongContactMade',
  data: {
    participantId,
    placementId,
    employerId,
    contactedOn: '2026-02-04',
    with: 'both',
    note: 'first week went well',
    recordedAt: '2026-02-04T16:00:00.000Z',
  },
};
const termsChanged: ParticipantEmploymentEvent = {
  type: 'PlacementTermsChanged',
  data: {
    participantId,
    placementId,
    employerId,
    effectiveFrom: '2026-04-01',
    hoursPerWeek: 30,
    hourlyWage: 240,
    recordedAt: '2026-03-20T11:00:00.000Z',
  },
};
const mapped: [string, ParticipantEmploymentEvent][] = [
  ['PlacementStarted', started()],
  ['FollowAlongContactMade', contactMade],
  ['FollowAlongContactMade', { ...contactMade, data: { ...contactMade.data, note: null } }],
  ['PlacementTermsChanged', termsChanged],
  ['PlacementEnded', ended()],
  ['PlacementEnded', ended({ reason: 'dismissed', note: 'no notice given' })],
];

const shareOne = (event: ParticipantEmploymentEvent): EmployerSharedEvent => {
  const shared = participantEmploymentToShared(event, envelope);
  expect(shared).toHaveLength(1);
  return shared[0];
};

describe('participant-employment events shared with the team', () => {
  it.each(mapped)('publishes %s as a valid v1 contract event', (type, event) => {
    const shared = shareOne(event);
    expect(shared).toMatchObject({ ...envelope, type, version: 1, source: 'employer', participantId });
    expect(contracts.validate(shared)).toEqual({ ok: true, event: shared });
  });

  it('dates the shared event at the command time stored in the event', () => {
    expect(shareOne(started()).occurredAt).toBe('2026-01-28T13:00:00.000Z');
    expect(shareOne(ended()).occurredAt).toBe('2026-05-29T15:00:00.000Z');
  });

  it('publishes the placement terms as data', () => {
    expect(shareOne(started()).data).toEqual({
      placementId,
      employerId,
      jobTitle: 'Warehouse assistant',
      startDate: '2026-02-02',
      hoursPerWeek: 20,
      hourlyWage: 230,
    });
  });

  it('leaves out a note that was not written', () => {
    expect(shareOne(ended()).data).not.toHaveProperty('note');
    expect(shareOne(contactMade).data).toHaveProperty('note', 'first week went well');
  });

  it('shares nothing for facts the welfare office published itself', () => {
    expect(participantEmploymentToShared(enrolled, envelope)).toEqual([]);
    expect(participantEmploymentToShared(discharged, envelope)).toEqual([]);
    expect(participantEmploymentToShared(linked(), envelope)).toEqual([]);
    expect(participantEmploymentToShared(disclosure(true), envelope)).toEqual([]);
  });
});
