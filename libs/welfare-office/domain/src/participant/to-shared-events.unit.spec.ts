import { contracts } from '@ips/contracts';
import { consentGiven, discharged, enrolled, profileCreated, referred } from '../testing/participant.fixtures';
import { participantToShared } from './to-shared-events';

describe('welfare-office events as shared events', () => {
  it.each([referred, enrolled, consentGiven, profileCreated, discharged])('$type passes its contract', (event) => {
    const [shared] = participantToShared(event, {
      id: '01a20000-0000-7000-8000-0000000000aa',
      recordedBy: { sub: 'cw-3', agency: 'welfare-office', role: 'caseworker' },
    });
    expect(contracts.validate(shared)).toEqual({ ok: true, event: shared });
  });
});
