import { contracts } from '@ips/contracts';
import { ParticipantServicesEvent, participantServicesToShared } from '../index';

const participantId = '0190a6f0-0000-7000-8000-00000000c004';
const serviceId = '0190a6f0-0000-7000-8000-0000000051c1';
const assignedAt = '2026-01-10T08:00:00.000Z';
const grantedAt = '2026-01-28T09:00:00.000Z';
const endedAt = '2026-04-30T14:00:00.000Z';
const envelope = {
  id: '0190a6f0-0000-7000-8000-00000000e001',
  recordedBy: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' },
};
const granted = (note: string | null): ParticipantServicesEvent => ({
  type: 'MunicipalServiceGranted',
  data: { participantId, serviceId, kind: 'housing', grantedFrom: '2026-02-01', note, grantedAt },
});
const ended = (reason: string | null): ParticipantServicesEvent => ({
  type: 'MunicipalServiceEnded',
  data: { participantId, serviceId, endedOn: '2026-04-30', reason, endedAt },
});
const events: [string, ParticipantServicesEvent, string][] = [
  ['contact assigned', { type: 'MunicipalContactAssigned', data: { participantId, contactPersonId: 'mw-7', assignedAt } }, assignedAt],
  ['service granted without a note', granted(null), grantedAt],
  ['service granted with a note', granted('two days a week'), grantedAt],
  ['service ended without a reason', ended(null), endedAt],
  ['service ended with a reason', ended('moved'), endedAt],
];

describe('participant services to shared events', () => {
  it.each(events)('maps %s to a valid v1 contract event', (_, event, occurredAt) => {
    const shared = participantServicesToShared(event, envelope);
    expect(shared).toHaveLength(1);
    expect(contracts.validate(shared[0])).toEqual({ ok: true, event: shared[0] });
    const header = { ...envelope, type: event.type, version: 1, source: 'municipality', participantId, occurredAt };
    expect(shared[0]).toMatchObject(header);
  });

  it('leaves an absent note or reason out instead of sharing null', () => {
    expect(participantServicesToShared(granted(null), envelope)[0].data).toEqual({
      serviceId,
      kind: 'housing',
      grantedFrom: '2026-02-01',
    });
    expect(participantServicesToShared(ended(null), envelope)[0].data).toEqual({ serviceId, endedOn: '2026-04-30' });
  });
});
