import { contracts } from '@ips/contracts';
import {
  dischargeNoted,
  enrolmentNoted,
  flagChanged,
  flagCleared,
  flagRaised,
  meetingHeld,
  participantId,
  teamLinked,
  treatmentEnded,
} from '../testing/participant-care.fixtures';
import { participantCareToShared } from './to-shared-events';

const envelope = {
  id: '01a20000-0000-7000-8000-0000000000bb',
  recordedBy: { sub: 'clinician-4', agency: 'mental-health', role: 'clinician' },
};

describe('mental-health events as shared events', () => {
  const published = [teamLinked, meetingHeld, flagRaised, flagChanged, flagCleared, treatmentEnded];

  it.each(published)('$type passes its contract, published by mental-health when it was recorded', (event) => {
    const shared = participantCareToShared(event, envelope);
    expect(shared).toHaveLength(1);
    expect(contracts.validate(shared[0])).toEqual({ ok: true, event: shared[0] });
    expect(shared[0]).toMatchObject({
      ...envelope,
      type: event.type,
      source: 'mental-health',
      participantId,
      occurredAt: event.data.at,
    });
  });

  it('leaves an absent reason out', () => {
    const [shared] = participantCareToShared(treatmentEnded, envelope);
    expect(shared.data).toEqual({ endedOn: '2026-03-08' });
    expect(contracts.validate(shared).ok).toBe(true);
  });

  it('does not republish what it learned from the welfare office', () => {
    expect(participantCareToShared(enrolmentNoted, envelope)).toEqual([]);
    expect(participantCareToShared(dischargeNoted, envelope)).toEqual([]);
  });
});
