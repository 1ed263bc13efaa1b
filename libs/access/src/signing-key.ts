import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import { uuidv7 } from '@ips/utils';

export const TOKEN_ISSUER = 'ips-platform';
export const TOKEN_AUDIENCE = 'ips-platform';
const ALGORITHM = 'ES256';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  /** The public half as a JWK (kid, alg), for a JWKS document. */
  readonly publicJwk: JWK;
}

/**
 * The embedded profile's token key: made on first use, kept in the data directory (mode 0600) so
 * tokens outlive restarts. Production verifies the agencies' identity providers instead (JWKS URLs).
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.join(dataDir, 'keys', 'token-signing-key.json');
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    jwk = { ...(await exportJWK(pair.privateKey)), kid: uuidv7(), alg: ALGORITHM };
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written whole under another name, then linked into place: a process starting at the same moment
    // sees no file or a complete one, never an empty one; a link never replaces another process's key.
    const draft = `${file}.${process.pid}.${uuidv7()}`;
    await writeFile(draft, JSON.stringify(jwk), { mode: 0o600 });
    try {
      await link(draft, file);
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
      jwk = JSON.parse(await readFile(file, 'utf8')) as JWK; // another process made it first
    } finally {
      await unlink(draft);
    }
  }
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid as string,
    privateKey: (await importJWK(jwk, ALGORITHM)) as KeyLike,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as KeyLike,
    publicJwk: { ...publicJwk, use: 'sig' },
  };
}

/** A JWKS document (RFC 7517) with the key's public half, as an identity provider serves it. */
export const jwksOf = (key: SigningKey): { keys: JWK[] } => ({ keys: [key.publicJwk] });

export interface TokenClaims {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
  readonly participantId?: string;
  readonly employerId?: string;
}

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A token lifetime as the token CLI takes it, in seconds: `900`, `900s`, `15m`, `8h`, `1d` (also `15 min`, `8 hours`).
 * Undefined for anything else, zero and negative lifetimes included.
 */
export function lifetimeSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)?$/i.exec(text.trim());
  if (!match) return undefined;
  const seconds = Math.round(Number(match[1]) * (UNITS[(match[2] ?? 's')[0]?.toLowerCase() ?? 's'] ?? 1));
  return seconds > 0 ? seconds : undefined;
}

/**
 * A token of the embedded key: issued now (`iat`), expiring `lifetime` later (`exp`, seconds or as lifetimeSeconds
 * reads it; 8 hours by default). The verifier refuses a lifetime over its maximum (12 hours unless configured), so
 * callers that let someone choose it check it against that first (the token CLI does).
 */
export async function issueToken(key: SigningKey, claims: TokenClaims, lifetime: string | number = '8h', now: number = Date.now()): Promise<string> {
  const seconds = typeof lifetime === 'number' ? lifetime : lifetimeSeconds(lifetime);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0)
    throw new RangeError(`a token lifetime must be positive, like 15m or 8h; got ${lifetime}`);
  const { sub, ...rest } = claims;
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round(seconds))
    .sign(key.privateKey);
}
