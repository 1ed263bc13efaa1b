import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JWTPayload, SignJWT, generateKeyPair } from 'jose';
import { SigningKey, TOKEN_AUDIENCE, TOKEN_ISSUER, issueToken, lifetimeSeconds, loadOrCreateSigningKey } from './signing-key';
import { CLOCK_SKEW_SECONDS, InvalidTokenError, JwtVerifier, TokenRefusal, describeLifetime } from './token-verifier';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const now = NOW / 1000;
const HOUR = 3600;
const claims = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' };

/** Words of the JWT library that must never reach a client. */
const LIBRARY_WORDS = /claim|timestamp|JWS|JWT[A-Z]|JWK|ERR_|check failed|compact|serialization/i;

describe('tokens of the embedded key: expiry, lifetime, issue time, in plain words', () => {
  let dataDir: string;
  let key: SigningKey;
  let clock = NOW;
  let verifier: JwtVerifier;

  /** A token of the embedded key with exactly these times (none when left out or undefined). */
  const sign = (
    times: { iat?: number; exp?: number; nbf?: number },
    payload: JWTPayload = claims,
    signWith = key.privateKey,
    alg = 'ES256',
  ): Promise<string> => {
    const { sub, ...rest } = payload;
    const jwt = new SignJWT({ ...rest, ...times }).setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE);
    if (typeof sub === 'string') jwt.setSubject(sub);
    return jwt.sign(signWith);
  };

  const refusal = async (token: string, rules?: JwtVerifier): Promise<InvalidTokenError> => {
    try {
      await (rules ?? verifier).verify(token);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect((error as Error).message).not.toMatch(LIBRARY_WORDS);
      return error as InvalidTokenError;
    }
    throw new Error('the token was accepted');
  };
  const refused = async (token: string, code: TokenRefusal, detail?: string, rules?: JwtVerifier): Promise<void> => {
    const error = await refusal(token, rules);
    expect(error.code).toBe(code);
    if (detail) expect(error.message).toBe(detail);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-token-rules-'));
    key = await loadOrCreateSigningKey(dataDir);
  });
  beforeEach(() => {
    clock = NOW;
    // A new verifier per test: none remembers a token another test verified.
    verifier = JwtVerifier.forEmbeddedKey(key.publicKey, { now: () => clock });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  describe('exp is required', () => {
    it('accepts a token with an expiry', async () => {
      await expect(verifier.verify(await sign({ iat: now, exp: now + HOUR }))).resolves.toMatchObject({ sub: 'cw-ola' });
    });

    it('refuses a token without one, with or without an issue time', async () => {
      await refused(await sign({ iat: now }), 'AUTH.TOKEN_NO_EXPIRY', 'the token has no expiry');
      await refused(await sign({}), 'AUTH.TOKEN_NO_EXPIRY', 'the token has no expiry');
    });

    it('refuses an expiry that is not a time', async () => {
      await refused(await sign({ iat: now, exp: 'tomorrow' as unknown as number }), 'AUTH.TOKEN_NO_EXPIRY');
    });
  });

  describe('expired', () => {
    it(`accepts a token up to ${CLOCK_SKEW_SECONDS} s past its expiry (clock skew), and refuses it from then on`, async () => {
      const token = await sign({ iat: now - HOUR, exp: now });
      clock = NOW + (CLOCK_SKEW_SECONDS - 1) * 1000;
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
      clock = NOW + CLOCK_SKEW_SECONDS * 1000;
      await refused(token, 'AUTH.TOKEN_EXPIRED', 'the token has expired');
    });

    it('refuses a remembered token once it has expired', async () => {
      const token = await sign({ iat: now, exp: now + 20 });
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
      clock = NOW + 75_000; // past exp, within the skew: checked again, still taken
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
      clock = NOW + 80_000;
      await refused(token, 'AUTH.TOKEN_EXPIRED');
    });

    it('refuses a token before its not-before time (beyond the skew)', async () => {
      await refused(await sign({ iat: now, nbf: now + CLOCK_SKEW_SECONDS + 1, exp: now + HOUR }), 'AUTH.TOKEN_NOT_YET_VALID', 'the token is not valid yet');
      await expect(verifier.verify(await sign({ iat: now, nbf: now + CLOCK_SKEW_SECONDS, exp: now + HOUR }))).resolves.toBeDefined();
    });
  });

  describe('lifetime at most 12 hours (exp − iat)', () => {
    it('accepts exactly 12 hours, also a token issued 11 hours ago', async () => {
      await expect(verifier.verify(await sign({ iat: now, exp: now + 12 * HOUR }))).resolves.toBeDefined();
      await expect(verifier.verify(await sign({ iat: now - 11 * HOUR, exp: now + HOUR }))).resolves.toBeDefined();
    });

    it('refuses a second more, and an expiry a hundred years ahead', async () => {
      await refused(await sign({ iat: now, exp: now + 12 * HOUR + 1 }), 'AUTH.TOKEN_TOO_LONG_LIVED', 'the token lives longer than 12 hours');
      await refused(await sign({ iat: now, exp: now + 100 * 365 * 24 * HOUR }), 'AUTH.TOKEN_TOO_LONG_LIVED');
      // Issued long ago and still valid: the lifetime counts from iat, not from now.
      await refused(await sign({ iat: now - 20 * HOUR, exp: now + HOUR }), 'AUTH.TOKEN_TOO_LONG_LIVED');
    });

    it(`without iat: exp − now at most 12 hours (and the ${CLOCK_SKEW_SECONDS} s skew)`, async () => {
      await expect(verifier.verify(await sign({ exp: now + 12 * HOUR + CLOCK_SKEW_SECONDS }))).resolves.toBeDefined();
      await refused(await sign({ exp: now + 12 * HOUR + CLOCK_SKEW_SECONDS + 1 }), 'AUTH.TOKEN_TOO_LONG_LIVED', 'the token lives longer than 12 hours');
      await refused(await sign({ exp: now + 100 * 365 * 24 * HOUR }), 'AUTH.TOKEN_TOO_LONG_LIVED');
    });

    it('takes another maximum when configured, and names it', async () => {
      const oneHour = JwtVerifier.forEmbeddedKey(key.publicKey, { now: () => clock, maxLifetimeHours: 1 });
      await expect(oneHour.verify(await sign({ iat: now, exp: now + HOUR }))).resolves.toBeDefined();
      await refused(await sign({ iat: now, exp: now + HOUR + 1 }), 'AUTH.TOKEN_TOO_LONG_LIVED', 'the token lives longer than 1 hour', oneHour);
      const halfHour = JwtVerifier.forEmbeddedKey(key.publicKey, { now: () => clock, maxLifetimeHours: 0.5 });
      await refused(await sign({ iat: now, exp: now + HOUR }), 'AUTH.TOKEN_TOO_LONG_LIVED', 'the token lives longer than 30 minutes', halfHour);
      const day = JwtVerifier.forEmbeddedKey(key.publicKey, { now: () => clock, maxLifetimeHours: 24 });
      await expect(day.verify(await sign({ iat: now, exp: now + 20 * HOUR }))).resolves.toBeDefined();
      expect(() => JwtVerifier.forEmbeddedKey(key.publicKey, { maxLifetimeHours: 0 })).toThrow(RangeError);
    });
  });

  describe('iat not in the future', () => {
    it(`accepts an issue time up to ${CLOCK_SKEW_SECONDS} s ahead of this clock`, async () => {
      await expect(verifier.verify(await sign({ iat: now + CLOCK_SKEW_SECONDS, exp: now + HOUR }))).resolves.toBeDefined();
    });

    it('refuses one further ahead', async () => {
      await refused(await sign({ iat: now + CLOCK_SKEW_SECONDS + 1, exp: now + HOUR }), 'AUTH.TOKEN_ISSUED_IN_FUTURE', 'the token was issued in the future');
      await refused(await sign({ iat: now + 24 * HOUR, exp: now + 25 * HOUR }), 'AUTH.TOKEN_ISSUED_IN_FUTURE');
    });

    it('refuses an issue time that is not a time', async () => {
      await refused(await sign({ iat: 'now' as unknown as number, exp: now + HOUR }), 'AUTH.TOKEN_MALFORMED');
    });
  });

  describe('signature, form, issuer, audience, claims', () => {
    it("refuses another key's signature", async () => {
      const { privateKey } = await generateKeyPair('ES256');
      await refused(await sign({ iat: now, exp: now + HOUR }, claims, privateKey), 'AUTH.TOKEN_BAD_SIGNATURE', 'the token’s signature does not match');
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const [header, , signature] = (await sign({ iat: now, exp: now + HOUR })).split('.');
      const payload = Buffer.from(
        JSON.stringify({ ...claims, role: 'supervisor', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + HOUR }),
      ).toString('base64url');
      await refused(`${header}.${payload}.${signature}`, 'AUTH.TOKEN_BAD_SIGNATURE');
    });

    it('refuses a symmetric (HMAC) signature, whatever its secret', async () => {
      await refused(await sign({ iat: now, exp: now + HOUR }, claims, new TextEncoder().encode('x'.repeat(32)) as never, 'HS256'), 'AUTH.TOKEN_ALGORITHM');
    });

    it.each(['not.a.jwt', 'abc', '', 'a.b', 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJpcHMtcGxhdGZvcm0ifQ.'])('refuses %p as not a JWT', async (token) => {
      const error = await refusal(token);
      expect(['AUTH.TOKEN_MALFORMED', 'AUTH.TOKEN_ALGORITHM']).toContain(error.code);
    });

    it('refuses another issuer and another audience', async () => {
      const other = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('https://elsewhere.example')
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + HOUR)
        .sign(key.privateKey);
      await refused(other, 'AUTH.TOKEN_UNKNOWN_ISSUER', 'the token’s issuer is not one this platform trusts');
      const audience = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience('someone-else')
        .setIssuedAt(now)
        .setExpirationTime(now + HOUR)
        .sign(key.privateKey);
      await refused(audience, 'AUTH.TOKEN_WRONG_AUDIENCE');
    });

    it('refuses claims that make no principal, in its own words', async () => {
      await refused(
        await sign({ iat: now, exp: now + HOUR }, { sub: 'x', agency: 'welfare-office', role: 'pilot' }),
        'AUTH.TOKEN_CLAIMS',
        'token has no known role',
      );
    });
  });
});

describe('issuing tokens of the embedded key', () => {
  let dataDir: string;
  let key: SigningKey;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-token-issue-'));
    key = await loadOrCreateSigningKey(dataDir);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const timesOf = (token: string): { iat: number; exp: number } =>
    JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { iat: number; exp: number };

  it('issues now, for 8 hours by default, or the lifetime asked for; and the verifier takes it', async () => {
    expect(timesOf(await issueToken(key, claims, undefined, NOW))).toEqual(expect.objectContaining({ iat: now, exp: now + 8 * HOUR }));
    expect(timesOf(await issueToken(key, claims, '15m', NOW))).toEqual(expect.objectContaining({ iat: now, exp: now + 15 * 60 }));
    expect(timesOf(await issueToken(key, claims, 900, NOW))).toEqual(expect.objectContaining({ exp: now + 900 }));
    const verifier = JwtVerifier.forEmbeddedKey(key.publicKey, { now: () => NOW });
    await expect(verifier.verify(await issueToken(key, claims, '12h', NOW))).resolves.toMatchObject({ sub: 'cw-ola' });
  });

  it('refuses a lifetime that is not one', async () => {
    for (const lifetime of ['0', '-1h', 'forever', '8 fortnights', 0, -5]) await expect(issueToken(key, claims, lifetime)).rejects.toThrow(RangeError);
  });

  it('reads lifetimes as the token CLI takes them', () => {
    expect([
      lifetimeSeconds('900'),
      lifetimeSeconds('900s'),
      lifetimeSeconds('15m'),
      lifetimeSeconds('15 min'),
      lifetimeSeconds('8h'),
      lifetimeSeconds('8 hours'),
      lifetimeSeconds('1d'),
    ]).toEqual([900, 900, 900, 900, 28_800, 28_800, 86_400]);
    expect([lifetimeSeconds('0h'), lifetimeSeconds('-1h'), lifetimeSeconds('1y'), lifetimeSeconds('')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('says a lifetime as a person would', () => {
    expect([describeLifetime(12 * HOUR), describeLifetime(HOUR), describeLifetime(1800), describeLifetime(60), describeLifetime(90)]).toEqual([
      '12 hours',
      '1 hour',
      '30 minutes',
      '1 minute',
      '90 seconds',
    ]);
  });
});
