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
 * Verifies signature, issuer, audience and expiry, then reads the claims into a Principal.
 * Keys: the embedded signing key, and/or each agency identity provider's JWKS URL.
 */
export class JwtVerifier implements TokenVerifier {
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
    let lastReason = 'no key accepts this token';
    for (const { key, issuer, audience } of this.keys) {
      try {
        const { payload } = await jwtVerify(token, key as KeyLike, { issuer, audience, clockTolerance: 30 });
        const principal = principalFromClaims(payload as Record<string, unknown>);
        if (typeof principal === 'string') throw new InvalidTokenError(principal);
        return principal;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        lastReason = error instanceof Error ? error.message : String(error);
      }
    }
    throw new InvalidTokenError(lastReason);
  }
}
