import { SseClient } from './testing/sse-client';
import { describeEachProfile } from './testing/profiles';

describeEachProfile('stopping the platform while a staff member follows the contact line', (start) => {
  it('ends the open event stream cleanly instead of waiting for the browser to leave', async () => {
    const platform = await start();
    const supervisor = await platform.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
    const stream = await SseClient.open(`${platform.platform.url}/employer/contact-requests/stream`, supervisor);
    expect(stream.status).toBe(200);
    try {
      // Before: the stop waited for the stream, which never ends by itself (SIGTERM hung until SIGKILL).
      await platform.stop();
      await expect(stream.ended).resolves.toBe('end');
    } finally {
      stream.close();
    }
  });
});
