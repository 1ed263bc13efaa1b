import { JWTVerifyGetKey, KeyLike, createRemoteJWKSet, jwtVerify } from 'jose';
import { Principal, principalFromClaims } from './principal';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './signing-key';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

type Key = KeyLike | JWTVerifyGetKey;

/**
 * A verified token is remembered for at most this long, and never past its own expiry: a client sends the same
 * token with every request, and checking its signature each time costs more than the rest of the token's handling.
 */
const REMEMBER_MS = 60_000;
/** Tokens remembered at once; the oldest is forgotten first (~1 KB each). */
const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies signature, issuer, audience and expiry, then reads the claims into a Principal.
 * Keys: the embedded signing key, and/or each agency identity provider's JWKS URL.
 */
export class JwtVerifier implements TokenVerifier {
  private readonly remembered = new Map<string, { readonly principal: Principal; readonly until: number }>();

  private constructor(private readonly keys: readonly { key: Key; issuer: string; audience: string }[]) {}

  static forEmbeddedKey(publicKey: KeyLike): JwtVerifier {
    return new JwtVerifier([{ key: publicKey, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }]);
  }

  /** `issuers`: one per identity provider, `{ issuer, jwksUrl, audience }`. */
  static forIdentityProviders(
    issuers: readonly { issuer: string; jwksUrl: string; audience: string }[],
    embedded?: KeyLike,
  ): JwtVerifier {
    return new JwtVerifier([
      ...(embedded ? [{ key: embedded as Key, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }] : []),
      ...issuers.map(({ issuer, jwksUrl, audience }) => ({
        key: createRemoteJWKSet(new URL(jwksUrl)) as Key,
        issuer,
        audience,
      })),
    ]);
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.remembered.get(token);
    if (known && now < known.until) return known.principal;
    this.remembered.delete(token);
    let lastReason = 'no key accepts this token';
    for (const { key, issuer, audience } of this.keys) {
      try {
        const { payload } = await jwtVerify(token, key as KeyLike, { issuer, audience, clockTolerance: 30 });
        const principal = principalFromClaims(payload as Record<string, unknown>);
        if (typeof principal === 'string') throw new InvalidTokenError(principal);
        this.remember(token, Object.freeze(principal), Math.min(now + REMEMBER_MS, typeof payload.exp === 'number' ? payload.exp * 1000 : now));
        return principal;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        lastReason = error instanceof Error ? error.message : String(error);
      }
    }
    throw new InvalidTokenError(lastReason);
  }

  private remember(token: string, principal: Principal, until: number): void {
    if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(token, { principal, until });
  }
}
