import { contactLineWorld } from './testing/contact-line-world';
import { PlatformHarness, TestClock } from './testing/platform-harness';

describe('hardening of the HTTP edge', () => {
  let harness: PlatformHarness;
  let token: string;

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')), {
      contactLine: { requestsPerMinute: 3 },
    });
    token = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => harness.stop());

  it('sends security headers with every answer, a policy that lets nothing load into an API answer, and no-store', async () => {
    const answer = await harness.http.get('/health').expect(200);
    expect(answer.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    expect(answer.headers['x-powered-by']).toBeUndefined();
    // Health data for one principal: never kept by a browser or proxy cache, so no validator either.
    const list = await harness.http.get('/team-view/participants').set('authorization', `Bearer ${token}`).expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['etag']).toBeUndefined();
    const docs = await harness.http.get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a body over 64 kB with 413 problem+json and writes nothing', async () => {
    const answer = await harness.http
      .post('/welfare-office/referrals')
      .set('authorization', `Bearer ${token}`)
      .send({ givenName: 'x'.repeat(70_000), familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
      .expect(413);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 413, code: 'REQUEST.BODY_TOO_LARGE' });
    const board = await harness.http.get('/team-view/board').set('authorization', `Bearer ${token}`).expect(200);
    expect(board.body.specialists).toEqual([]);
  });

  it('answers 429 with Retry-After once an address has failed authentication 30 times in a minute; a valid token still gets in', async () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      await harness.http.get('/team-view/board').set('authorization', `Bearer not-a-token-${attempt}`).expect(401);
    }
    const blocked = await harness.http.get('/team-view/board').set('authorization', 'Bearer still-guessing').expect(429);
    expect(blocked.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_FAILURES' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await harness.http.get('/team-view/board').set('authorization', `Bearer ${token}`).expect(200);
  });

  it("limits one employer's requests to the 24/7 line per minute, and no other employer's", async () => {
    const world = await contactLineWorld(harness);
    for (let n = 0; n < 3; n++) await world.submitAt('2026-03-02T09:00:00.000Z');
    const body = { placementId: world.placementId, message: 'again', urgency: 'routine', callbackPhone: '+4791234567' };
    const limited = await world.post('/employer/contact-requests', body, 'hr').expect(429);
    expect(limited.body).toMatchObject({ code: 'CONTACT_LINE.TOO_MANY_REQUESTS' });
    expect(limited.headers['retry-after']).toBeDefined();
    // Another employer still gets its own answer (403 here: the placement is not its own).
    await world.post('/employer/contact-requests', body, 'otherEmployer').expect(403);
  });

  it('answers a body that is not JSON with 400 MALFORMED_JSON and another content type with 415; an empty JSON body has no fields', async () => {
    const participants = async () => (await harness.http.get('/team-view/participants').set('authorization', `Bearer ${token}`).expect(200)).body;
    const before = await participants();
    const post = (contentType: string, body: string) =>
      harness.http.post('/welfare-office/referrals').set('authorization', `Bearer ${token}`).set('content-type', contentType).send(body);
    const malformed = await post('application/json', '{"givenName": ').expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    const xml = await post('application/xml', '<referral/>').expect(415);
    expect(xml.headers['content-type']).toContain('application/problem+json');
    expect(xml.body).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    const empty = await post('application/json', '').expect(400);
    expect(empty.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(empty.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'givenName' })]));
    const poisoned = await post('application/json', '{"__proto__": {"admin": true}}').expect(400);
    expect(poisoned.body).toMatchObject({ code: 'REQUEST.MALFORMED_JSON' });
    await harness.platform.settled();
    expect(await participants()).toEqual(before);
  });

  it('names one problem per field, with a code a client words in its own language: a missing or empty field is missing', async () => {
    const refer = (body: object) => harness.http.post('/welfare-office/referrals').set('authorization', `Bearer ${token}`).send(body).expect(400);
    const byField = (errors: { field: string; code?: string }[]) => Object.fromEntries(errors.map((error) => [error.field, error.code]));
    const empty = await refer({ givenName: '', familyName: 'x'.repeat(201), birthDate: '1994-02-30', referredBy: 'self' });
    expect(byField(empty.body.errors)).toEqual({ givenName: 'missing', familyName: 'too-long', birthDate: 'not-a-date' });
    const left = await refer({ familyName: 'Nordmann', birthDate: '1800-01-01', referredBy: 42 });
    expect(byField(left.body.errors)).toEqual({ givenName: 'missing', birthDate: 'date-out-of-range', referredBy: 'not-text' });
    expect(left.body.errors.find((error: { field: string }) => error.field === 'givenName')).toEqual({
      field: 'givenName',
      message: 'is missing',
      code: 'missing',
    });
  });

  it('never shows a stack trace or SQL in an error', async () => {
    const answers = await Promise.all([
      harness.http.post('/welfare-office/referrals').set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send('{"givenName": '),
      harness.http.get('/team-view/participants/not-a-uuid').set('authorization', `Bearer ${token}`),
      harness.http.get('/nowhere').set('authorization', `Bearer ${token}`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toMatch(/\bat \S+ \(|select |insert |\.ts:\d+/i);
    }
  });
});
