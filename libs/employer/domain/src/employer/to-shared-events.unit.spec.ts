import { employerToShared } from './to-shared-events';

describe('employer events shared with the team', () => {
  it('shares nothing: a registered employer is not a participant event', () => {
    const shared = employerToShared(
      {
        type: 'EmployerRegistered',
        data: {
          employerId: '0190a6f0-0000-7000-8000-00000000e001',
          name: 'Lerkendal Lager AS',
          organisationNumber: '923609016',
          registeredAt: '2026-01-20T08:30:00.000Z',
        },
      },
      { id: '0190a6f0-0000-7000-8000-00000000f001', recordedBy: { sub: 'es-7', agency: 'employer', role: 'employer' } },
    );
    expect(shared).toEqual([]);
  });
});
