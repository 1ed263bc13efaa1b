import { readdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DEMO_TEAM_MARKER, WEB_APP_DIR, markDemoTeam } from '@ips/runtime';
import { PlatformHarness } from './testing/platform-harness';
import { describeEachProfile } from './testing/profiles';

const html = { Accept: 'text/html,application/xhtml+xml' };

beforeAll(() => {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../../tools/web-bundle.js')], { stdio: 'inherit' });
});

describeEachProfile('the web app at /', (start) => {
  let platform: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    platform = await start();
  });
  afterAll(() => platform.stop());

  it('serves the app at / and at its own page addresses, with a policy that loads only its own scripts', async () => {
    for (const page of ['/', '/participants/0190a6f0-0000-7000-8000-000000000001', '/board']) {
      const answer = await platform.http.get(page).set(html).expect(200);
      expect(answer.headers['content-type']).toMatch(/text\/html/);
      expect(answer.text).toContain('<div id="root"></div>');
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
    const script = readdirSync(path.join(WEB_APP_DIR, 'assets')).find((file) => file.endsWith('.js')) as string;
    const asset = await platform.http.get(`/assets/${script}`).expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('answers HEAD with the headers only, and lets a browser revalidate the page it has (304)', async () => {
    const page = await platform.http.get('/').set(html).expect(200);
    const modified = page.headers['last-modified'] as string;
    expect(Date.parse(modified)).not.toBeNaN();
    await platform.http
      .get('/')
      .set({ ...html, 'If-Modified-Since': modified })
      .expect(304);
    const head = await platform.http.head('/').set(html).expect(200);
    expect(head.text ?? '').toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(page.text));
  });

  it('never answers an API path, a missing file or a path outside the bundle with the app', async () => {
    for (const [route, accept] of [
      ['/team-view/no-such-route', html],
      ['/welfare-office', html],
      ['/assets/missing.js', {}],
      ['/..%2f..%2fpackage.json', {}],
    ] as const) {
      const answer = await platform.http.get(route).set(accept).expect(404);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await platform.http.get('/team-view/board').set(html).expect(401);
  });

  it('tells the app how to sign in: the demo sign-in only in the embedded profile, and there off until asked for', async () => {
    const config = (await platform.http.get('/auth/config').expect(200)).body;
    const embedded = platform instanceof PlatformHarness;
    // A fresh data directory holds no demo team: off, and the app can say how to turn it on for a try-out.
    expect(config).toEqual(embedded ? { demoSignIn: false, demoSignInOff: 'no-demo-team', oidc: [] } : { demoSignIn: false, oidc: [] });
    if (embedded) return;
    for (const [method, route] of [
      ['get', '/auth/demo-users'],
      ['post', '/auth/demo-sign-in'],
    ] as const) {
      const answer = await platform.http[method](route).send({ userId: 'sup-siri' }).expect(404);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('demo sign-in (embedded profile, DEMO_SIGN_IN=on)', () => {
  let harness: PlatformHarness;
  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { demoSignIn: 'on' });
  });
  afterAll(() => harness.stop());

  it('issues a token of the embedded key for a demo user, which the API accepts as that user', async () => {
    const users = (await harness.http.get('/auth/demo-users').expect(200)).body.users as { id: string; agency: string; role: string }[];
    expect(users).toContainEqual(expect.objectContaining({ id: 'dr-lie', agency: 'mental-health', role: 'clinician' }));
    const { token, user } = (await harness.http.post('/auth/demo-sign-in').send({ userId: 'dr-lie' }).expect(200)).body;
    expect(user).toMatchObject({ id: 'dr-lie' });
    const claims = JSON.parse(Buffer.from(String(token).split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician', iss: 'ips-platform' });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(8 * 3600);
    await harness.http
      .get('/team-view/participants')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    await harness.http
      .get('/team-view/board')
      .set({ Authorization: `Bearer ${token}` })
      .expect(403);
  });

  it('refuses an unknown user (404) and bad input (400), as problem+json', async () => {
    const unknown = await harness.http.post('/auth/demo-sign-in').send({ userId: 'participant:0190a6f0-0000-7000-8000-000000000001' }).expect(404);
    expect(unknown.body.code).toBe('AUTH.UNKNOWN_DEMO_USER');
    for (const body of [{}, { userId: 'dr-lie', role: 'supervisor' }, { userId: 42 }]) {
      const bad = await harness.http.post('/auth/demo-sign-in').send(body).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('demo sign-in with DEMO_SIGN_IN left out: on only while the data directory holds the demo team', () => {
  let harness: PlatformHarness;
  beforeAll(async () => {
    harness = await PlatformHarness.start();
  });
  afterAll(() => harness.stop());

  it('is off on a fresh data directory: nobody is listed and no token is handed out, with how to turn it on', async () => {
    const users = await harness.http.get('/auth/demo-users').expect(404);
    expect(users.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(users.body).toMatchObject({ code: 'AUTH.DEMO_SIGN_IN_OFF' });
    expect(users.body.detail).toMatch(/npm run seed.*DEMO_SIGN_IN=on/);
    expect(JSON.stringify(users.body)).not.toMatch(/Siri|Ingrid/);
    const signIn = await harness.http.post('/auth/demo-sign-in').send({ userId: 'sup-siri' }).expect(404);
    expect(signIn.body.code).toBe('AUTH.DEMO_SIGN_IN_OFF');
    expect(signIn.body.token).toBeUndefined();
  });

  it('turns on for the running platform as soon as the seed marks the data directory as the demo team’s', async () => {
    await markDemoTeam(harness.config.dataDir, { participants: 0 });
    expect(readdirSync(harness.config.dataDir)).toContain(DEMO_TEAM_MARKER);
    expect((await harness.http.get('/auth/config').expect(200)).body).toEqual({ demoSignIn: true, oidc: [] });
    const users = (await harness.http.get('/auth/demo-users').expect(200)).body.users as { id: string }[];
    expect(users.map((user) => user.id)).toContain('sup-siri');
    const { token } = (await harness.http.post('/auth/demo-sign-in').send({ userId: 'sup-siri' }).expect(200)).body;
    await harness.http
      .get('/team-view/participants')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
  });
});

describe('demo sign-in with DEMO_SIGN_IN=off', () => {
  it('is not there, not even for the demo team', async () => {
    const harness = await PlatformHarness.start(undefined, { demoSignIn: 'off' });
    try {
      await markDemoTeam(harness.config.dataDir);
      expect((await harness.http.get('/auth/config').expect(200)).body).toEqual({ demoSignIn: false, demoSignInOff: 'switched-off', oidc: [] });
      await harness.http.get('/auth/demo-users').expect(404);
      await harness.http.post('/auth/demo-sign-in').send({ userId: 'sup-siri' }).expect(404);
    } finally {
      await harness.stop();
    }
  });
});

describe('demo sign-in with a shorter maximum token lifetime (TOKEN_MAX_LIFETIME_HOURS=1)', () => {
  it('hands out tokens that live no longer than the platform accepts', async () => {
    const harness = await PlatformHarness.start(undefined, { demoSignIn: 'on', tokenMaxLifetimeHours: 1 });
    try {
      const { token, expiresAt } = (await harness.http.post('/auth/demo-sign-in').send({ userId: 'dr-lie' }).expect(200)).body;
      const claims = JSON.parse(Buffer.from(String(token).split('.')[1] as string, 'base64url').toString()) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(3600);
      expect(Date.parse(expiresAt)).toBe(claims.exp * 1000);
      await harness.http
        .get('/team-view/participants')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      // The harness's own 8-hour tokens are too long-lived here.
      const long = await harness.http
        .get('/team-view/participants')
        .set({ Authorization: `Bearer ${await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' })}` })
        .expect(401);
      expect(long.body).toMatchObject({ code: 'AUTH.TOKEN_TOO_LONG_LIVED', detail: 'the token lives longer than 1 hour' });
    } finally {
      await harness.stop();
    }
  });
});
