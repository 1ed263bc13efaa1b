import { CrisisRotaEvent, crisisRotaToShared } from '../index';

describe('crisis rota to shared events', () => {
  it('shares nothing: the rota is about staff, not a participant', () => {
    const cancelled: CrisisRotaEvent = {
      type: 'DutyCancelled',
      data: { rotaId: 'default', shiftId: 'shift-1', cancelledAt: '2026-05-02T09:00:00.000Z' },
    };
    expect(crisisRotaToShared(cancelled)).toEqual([]);
  });
});
