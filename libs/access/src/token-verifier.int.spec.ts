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
  const sign = (overrides: { iss?: string; aud?: string; exp?: string; kid?: string; sub?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: overrides.kid ?? kid })
      .setSubject(overrides.sub ?? 'cw-ola')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? '10m')
      .sign(privateKey);
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
    ['another issuer', { iss: 'https://login.evil.example' }],
    ['another audience', { aud: 'someone-else' }],
    ['an expired token', { exp: '-1m' }],
    ['a key id the JWKS does not have', { kid: 'unknown-kid' }],
  ])('refuses %s', async (_, overrides) => {
    await expect(verifier.verify(await idp.sign(overrides))).rejects.toBeInstanceOf(InvalidTokenError);
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
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a token it accepted before once the token has expired (the 30 s leeway included)', async () => {
    const token = await idp.sign({ exp: '20s' });
    const accepted = Date.now();
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
    try {
      jest.setSystemTime(accepted + 40_000);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
      jest.setSystemTime(accepted + 55_000);
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      jest.useRealTimers();
    }
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
