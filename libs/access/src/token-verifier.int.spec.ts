import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, issueToken, jwksOf, loadOrCreateSigningKey } from './signing-key';
import { InvalidTokenError, JwtVerifier } from './token-verifier';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ISSUER = 'https://login.nav.example';
const AUDIENCE = 'ips-team-platform';
const claims = { agency: 'welfare-office', role: 'caseworker' };

/** An agency's identity provider as the test serves it: a key pair and its JWKS on a local port. */
async function identityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'nav-2026-1';
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] });
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    if (request.url === '/jwks.json') response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks.json`;
  /** `exp`: jose's relative form ('10m') from the system clock, a number (seconds since the epoch), or null for none; `iat` likewise. */
  const sign = (overrides: { iss?: string; aud?: string; exp?: string | number | null; iat?: number | null; kid?: string; sub?: string } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: overrides.kid ?? kid })
      .setSubject(overrides.sub ?? 'cw-ola')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE);
    if (overrides.iat !== null) jwt.setIssuedAt(overrides.iat);
    if (overrides.exp !== null) jwt.setExpirationTime(overrides.exp ?? '10m');
    return jwt.sign(privateKey);
  };
  return { jwksUrl, sign, requests: () => requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("tokens from an agency's identity provider, verified through its JWKS", () => {
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  let verifier: JwtVerifier;
  let dataDir: string;

  beforeAll(async () => {
    idp = await identityProvider();
    verifier = JwtVerifier.forIdentityProviders([{ issuer: ISSUER, jwksUrl: idp.jwksUrl, audience: AUDIENCE }]);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-jwks-'));
  });
  afterAll(async () => {
    await idp.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts a token the provider signed, for its issuer and audience, and reads the principal', async () => {
    await expect(verifier.verify(await idp.sign())).resolves.toMatchObject({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    expect(idp.requests()).toBeGreaterThan(0);
  });

  it.each([
    ['another issuer', { iss: 'https://login.evil.example' }, 'AUTH.TOKEN_UNKNOWN_ISSUER'],
    ['another audience', { aud: 'someone-else' }, 'AUTH.TOKEN_WRONG_AUDIENCE'],
    ['an expired token', { exp: '-2m' }, 'AUTH.TOKEN_EXPIRED'],
    ['a key id the JWKS does not have', { kid: 'unknown-kid' }, 'AUTH.TOKEN_BAD_SIGNATURE'],
    ['a token without expiry', { exp: null }, 'AUTH.TOKEN_NO_EXPIRY'],
    ['a token a hundred years long', { exp: '100y' }, 'AUTH.TOKEN_TOO_LONG_LIVED'],
    ['a token of 13 hours', { exp: '13h' }, 'AUTH.TOKEN_TOO_LONG_LIVED'],
    ['a token without iat whose expiry is 13 hours away', { iat: null, exp: '13h' }, 'AUTH.TOKEN_TOO_LONG_LIVED'],
    ['a token issued an hour from now', { iat: Math.floor(Date.now() / 1000) + 3600, exp: '2h' }, 'AUTH.TOKEN_ISSUED_IN_FUTURE'],
  ])('refuses %s, in plain words', async (_, overrides, code) => {
    const refusal = await verifier.verify(await idp.sign(overrides)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidTokenError);
    expect(refusal).toMatchObject({ code, message: expect.stringMatching(/^the token/) });
    expect((refusal as Error).message).not.toMatch(/claim|timestamp|JWS|JWK|check failed/);
  });

  it.each([
    ['12 hours long', { exp: '12h' }],
    ['without iat, 11 hours to go', { iat: null, exp: '11h' }],
    ['issued 30 s ahead of this clock (skew)', { iat: Math.floor(Date.now() / 1000) + 30, exp: '1h' }],
  ])('accepts a token %s', async (_, overrides) => {
    await expect(verifier.verify(await idp.sign(overrides))).resolves.toMatchObject({ sub: 'cw-ola' });
  });

  it('says so when the provider’s keys cannot be fetched, not that the token is bad', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = JwtVerifier.forIdentityProviders([{ issuer: ISSUER, jwksUrl: `http://127.0.0.1:${port}/jwks.json`, audience: AUDIENCE }]);
    await expect(unreachable.verify(await idp.sign())).rejects.toMatchObject({ code: 'AUTH.TOKEN_KEYS_UNAVAILABLE' });
  });

  it('refuses a token signed by a key that is not in the JWKS, even with the right kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'nav-2026-1' })
      .setSubject('cw-ola')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(privateKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_BAD_SIGNATURE', message: 'the token’s signature does not match' });
  });

  it('refuses a token it accepted before once the token has expired (the 60 s skew included), by the clock it is given', async () => {
    let now = Date.now();
    const clocked = JwtVerifier.forIdentityProviders([{ issuer: ISSUER, jwksUrl: idp.jwksUrl, audience: AUDIENCE }], undefined, { now: () => now });
    const issued = Math.floor(now / 1000);
    const token = await idp.sign({ iat: issued, exp: issued + 20 });
    await expect(clocked.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
    now = (issued + 75) * 1000;
    await expect(clocked.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
    now = (issued + 80) * 1000;
    await expect(clocked.verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED', message: 'the token has expired' });
  });

  it('holds an identity provider to the configured maximum lifetime too', async () => {
    const twoHours = JwtVerifier.forIdentityProviders([{ issuer: ISSUER, jwksUrl: idp.jwksUrl, audience: AUDIENCE }], undefined, { maxLifetimeHours: 2 });
    await expect(twoHours.verify(await idp.sign({ exp: '2h' }))).resolves.toMatchObject({ sub: 'cw-ola' });
    await expect(twoHours.verify(await idp.sign({ exp: '3h' }))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_TOO_LONG_LIVED',
      message: 'the token lives longer than 2 hours',
    });
  });

  it('answers each token with its own principal', async () => {
    const [ola, kari] = [await idp.sign({ sub: 'cw-ola' }), await idp.sign({ sub: 'cw-kari' })];
    for (let round = 0; round < 2; round++) {
      await expect(verifier.verify(ola)).resolves.toMatchObject({ sub: 'cw-ola' });
      await expect(verifier.verify(kari)).resolves.toMatchObject({ sub: 'cw-kari' });
    }
  });

  it("refuses the embedded profile's own tokens: only the providers' keys count outside it", async () => {
    const embedded = await loadOrCreateSigningKey(dataDir);
    await expect(verifier.verify(await issueToken(embedded, { sub: 'cw-ola', ...claims }))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies embedded tokens through the JWKS the dev identity provider serves for the key in DATA_DIR', async () => {
    const key = await loadOrCreateSigningKey(dataDir);
    const server = http.createServer((_, response) => response.writeHead(200).end(JSON.stringify(jwksOf(key))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    try {
      const viaJwks = JwtVerifier.forIdentityProviders([{ issuer: TOKEN_ISSUER, jwksUrl, audience: TOKEN_AUDIENCE }]);
      await expect(viaJwks.verify(await issueToken(key, { sub: 'cw-ola', ...claims }))).resolves.toMatchObject({ sub: 'cw-ola' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
