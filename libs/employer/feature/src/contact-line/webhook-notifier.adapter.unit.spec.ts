import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-notifier.adapter';

const secret = 'a-test-secret-of-enough-length';
const body = '{"event":"contact-request.received","requestId":"0193b2c4-1f00-7a00-8000-00000000a001"}';
const t = 1_772_485_200;

describe('webhook signatures', () => {
  it('signs the timestamp and the body with HMAC-SHA256', () => {
    const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, t, body)).toBe(`t=${t},v1=${mac}`);
  });

  it('verifies its own signature within the tolerance', () => {
    expect(verifyWebhook(secret, signWebhook(secret, t, body), body, t + 299)).toBe(true);
  });

  it.each([
    ['a changed body', signWebhook(secret, t, body), body.replace('received', 'resolved'), t],
    ['another secret', signWebhook('another-secret-of-enough-size', t, body), body, t],
    ['a replay after five minutes', signWebhook(secret, t, body), body, t + 301],
    ['a moved timestamp', signWebhook(secret, t, body).replace(`t=${t}`, `t=${t + 1}`), body, t],
    ['no signature', `t=${t}`, body, t],
  ])('refuses %s', (_, header, received, now) => {
    expect(verifyWebhook(secret, header, received, now)).toBe(false);
  });
});
