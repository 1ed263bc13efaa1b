import { JWTPayload, JWTVerifyGetKey, KeyLike, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { Principal, principalFromClaims } from './principal';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './signing-key';

/**
 * How far the issuer's clock and ours may disagree, in seconds: a token is still taken this long after its expiry
 * and before its not-before, and its issue time may lie this far ahead of our clock. One tolerance for all three.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** The longest a token may live (exp − iat) unless configured otherwise (TOKEN_MAX_LIFETIME_HOURS). */
export const DEFAULT_TOKEN_MAX_LIFETIME_HOURS = 12;

/**
 * Why a token is refused: the `code` of the 401 problem, stable for machines. The detail next to it is in plain
 * words and never the JWT library's own message.
 */
export type TokenRefusal =
  | 'AUTH.TOKEN_MALFORMED'
  | 'AUTH.TOKEN_UNKNOWN_ISSUER'
  | 'AUTH.TOKEN_WRONG_AUDIENCE'
  | 'AUTH.TOKEN_ALGORITHM'
  | 'AUTH.TOKEN_BAD_SIGNATURE'
  | 'AUTH.TOKEN_KEYS_UNAVAILABLE'
  | 'AUTH.TOKEN_NO_EXPIRY'
  | 'AUTH.TOKEN_EXPIRED'
  | 'AUTH.TOKEN_NOT_YET_VALID'
  | 'AUTH.TOKEN_ISSUED_IN_FUTURE'
  | 'AUTH.TOKEN_TOO_LONG_LIVED'
  | 'AUTH.TOKEN_CLAIMS';

export class InvalidTokenError extends Error {
  constructor(
    readonly code: TokenRefusal,
    reason: string,
  ) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface TokenRules {
  /** The longest a token may live, exp − iat (without iat: exp − now), in hours; default 12. */
  readonly maxLifetimeHours?: number;
  /** The time tokens are checked against, in milliseconds since the epoch (tests); the system clock by default. */
  readonly now?: () => number;
}

type Key = KeyLike | JWTVerifyGetKey;

interface TrustedKey {
  readonly key: Key;
  readonly issuer: string;
  readonly audience: string;
  /** Fetched from an identity provider's JWKS URL (which may fail to answer) rather than held here. */
  readonly remote: boolean;
  readonly algorithms: readonly string[];
}

/** The embedded key's algorithm; identity providers may sign with any asymmetric algorithm (never HMAC or none). */
const EMBEDDED_ALGORITHMS = ['ES256'];
const PROVIDER_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];

/**
 * A verified token is remembered for at most this long, and never past its own expiry: a client sends the same
 * token with every request, and checking its signature each time costs more than the rest of the token's handling.
 */
const REMEMBER_MS = 60_000;
/** Tokens remembered at once; the oldest is forgotten first (~1 KB each). */
const REMEMBERED_TOKENS = 10_000;

const refuse = (code: TokenRefusal, reason: string): InvalidTokenError => new InvalidTokenError(code, reason);

/** "12 hours", "1 hour", "90 minutes": the configured lifetime as a person would say it. */
export function describeLifetime(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/**
 * A refusal that comes from the checks jose makes after the signature (so the token is genuinely the issuer's),
 * in plain words; undefined for a failure before or of the signature.
 */
function claimRefusal(error: { code?: unknown; claim?: unknown; reason?: unknown }): InvalidTokenError | undefined {
  if (error.code === 'ERR_JWT_EXPIRED') return refuse('AUTH.TOKEN_EXPIRED', 'the token has expired');
  if (error.code !== 'ERR_JWT_CLAIM_VALIDATION_FAILED') return undefined;
  switch (error.claim) {
    case 'exp':
      return error.reason === 'missing'
        ? refuse('AUTH.TOKEN_NO_EXPIRY', 'the token has no expiry')
        : refuse('AUTH.TOKEN_NO_EXPIRY', 'the token’s expiry is not a time');
    case 'nbf':
      return refuse('AUTH.TOKEN_NOT_YET_VALID', 'the token is not valid yet');
    case 'iat':
      return refuse('AUTH.TOKEN_MALFORMED', 'the token’s issue time is not a time');
    case 'aud':
      return refuse('AUTH.TOKEN_WRONG_AUDIENCE', 'the token is meant for another audience, not this platform');
    case 'iss':
      return refuse('AUTH.TOKEN_UNKNOWN_ISSUER', 'the token’s issuer is not one this platform trusts');
    default:
      return refuse('AUTH.TOKEN_CLAIMS', 'the token’s claims are not valid');
  }
}

/** A failure before the claims: of the token's form, its algorithm, its signature, or of fetching the keys. */
function keyRefusal(error: unknown, remote: boolean): InvalidTokenError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return refuse('AUTH.TOKEN_BAD_SIGNATURE', 'the token’s signature does not match');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return refuse('AUTH.TOKEN_ALGORITHM', 'the token is signed with an algorithm this platform does not accept');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return refuse('AUTH.TOKEN_MALFORMED', 'the token is not a well-formed JWT');
    default:
      return remote
        ? refuse('AUTH.TOKEN_KEYS_UNAVAILABLE', 'the identity provider’s keys could not be fetched to check the token; try again shortly')
        : refuse('AUTH.TOKEN_BAD_SIGNATURE', 'the token’s signature does not match');
  }
}

/** Which refusal to give when no key took the token: the provider being unreachable says most, then the signature. */
const PRECEDENCE: readonly TokenRefusal[] = ['AUTH.TOKEN_KEYS_UNAVAILABLE', 'AUTH.TOKEN_BAD_SIGNATURE', 'AUTH.TOKEN_ALGORITHM', 'AUTH.TOKEN_MALFORMED'];

/**
 * Verifies signature, issuer, audience and the token's times, then reads the claims into a Principal. The same
 * rules hold for the embedded key and for every identity provider:
 * - `exp` is required, and a token is refused from `exp` on (CLOCK_SKEW_SECONDS late at most), as before `nbf`;
 * - `iat`, when present, is not in the future (beyond the skew);
 * - it lives at most `maxLifetimeHours` (12): exp − iat, or exp − now for a token without `iat`.
 * Keys: the embedded signing key, and/or each agency identity provider's JWKS URL.
 */
export class JwtVerifier implements TokenVerifier {
  private readonly remembered = new Map<string, { readonly principal: Principal; readonly until: number }>();
  private readonly maxLifetimeSeconds: number;
  private readonly now: () => number;

  private constructor(
    private readonly keys: readonly TrustedKey[],
    rules: TokenRules = {},
  ) {
    const hours = rules.maxLifetimeHours ?? DEFAULT_TOKEN_MAX_LIFETIME_HOURS;
    if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`a token's maximum lifetime must be a positive number of hours, got ${hours}`);
    this.maxLifetimeSeconds = Math.round(hours * 3600);
    this.now = rules.now ?? Date.now;
  }

  static forEmbeddedKey(publicKey: KeyLike, rules?: TokenRules): JwtVerifier {
    return new JwtVerifier([{ key: publicKey, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, remote: false, algorithms: EMBEDDED_ALGORITHMS }], rules);
  }

  /** `issuers`: one per identity provider, `{ issuer, jwksUrl, audience }`. */
  static forIdentityProviders(issuers: readonly { issuer: string; jwksUrl: string; audience: string }[], embedded?: KeyLike, rules?: TokenRules): JwtVerifier {
    return new JwtVerifier(
      [
        ...(embedded ? [{ key: embedded as Key, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, remote: false, algorithms: EMBEDDED_ALGORITHMS }] : []),
        ...issuers.map(({ issuer, jwksUrl, audience }) => ({
          key: createRemoteJWKSet(new URL(jwksUrl)) as Key,
          issuer,
          audience,
          remote: true,
          algorithms: PROVIDER_ALGORITHMS,
        })),
      ],
      rules,
    );
  }

  /** The longest lifetime a token may have here, in seconds. */
  get maxLifetime(): number {
    return this.maxLifetimeSeconds;
  }

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const known = this.remembered.get(token);
    if (known && now < known.until) return known.principal;
    this.remembered.delete(token);
    const issuer = this.issuerOf(token);
    const candidates = this.keys.filter((key) => key.issuer === issuer);
    if (candidates.length === 0) throw refuse('AUTH.TOKEN_UNKNOWN_ISSUER', 'the token’s issuer is not one this platform trusts');
    const refusals: InvalidTokenError[] = [];
    for (const { key, issuer: expected, audience, remote, algorithms } of candidates) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key as KeyLike, {
          issuer: expected,
          audience,
          algorithms: [...algorithms],
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          currentDate: new Date(now),
        }));
      } catch (error) {
        const afterSignature = claimRefusal((error ?? {}) as { code?: unknown });
        if (afterSignature) throw afterSignature;
        refusals.push(keyRefusal(error, remote));
        continue;
      }
      this.checkTimes(payload, now);
      const principal = principalFromClaims(payload as Record<string, unknown>);
      if (typeof principal === 'string') throw refuse('AUTH.TOKEN_CLAIMS', principal);
      this.remember(token, Object.freeze(principal), Math.min(now + REMEMBER_MS, (payload.exp as number) * 1000));
      return principal;
    }
    throw PRECEDENCE.map((code) => refusals.find((refusal) => refusal.code === code)).find(Boolean) ?? (refusals[0] as InvalidTokenError);
  }

  /** The issuer the token names, read before any key is chosen (only keys of that issuer are tried). */
  private issuerOf(token: string): unknown {
    try {
      decodeProtectedHeader(token);
      return decodeJwt(token).iss;
    } catch {
      throw refuse('AUTH.TOKEN_MALFORMED', 'the token is not a well-formed JWT');
    }
  }

  /** The rules jose does not make: issued in the future, and the lifetime. `exp` is there and a number by now. */
  private checkTimes(payload: JWTPayload, nowMs: number): void {
    const now = Math.floor(nowMs / 1000);
    const exp = payload.exp as number;
    const { iat } = payload;
    if (typeof iat === 'number' && iat > now + CLOCK_SKEW_SECONDS) {
      throw refuse('AUTH.TOKEN_ISSUED_IN_FUTURE', 'the token was issued in the future');
    }
    const lifetime = typeof iat === 'number' ? exp - iat : exp - now - CLOCK_SKEW_SECONDS;
    if (lifetime > this.maxLifetimeSeconds) {
      throw refuse('AUTH.TOKEN_TOO_LONG_LIVED', `the token lives longer than ${describeLifetime(this.maxLifetimeSeconds)}`);
    }
  }

  private remember(token: string, principal: Principal, until: number): void {
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(token, { principal, until });
  }
}
