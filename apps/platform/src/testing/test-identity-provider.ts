import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';

export interface TestUser {
  readonly sub: string;
  readonly name: string;
  readonly agency: string;
  readonly role: string;
}

export interface TestIdentityProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly clientId: string;
  /** Codes exchanged after the PKCE verifier matched the challenge; refused exchanges are not counted. */
  readonly exchanges: () => number;
  close(): Promise<void>;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * A minimal OpenID Connect provider for the browser test: discovery, an authorization endpoint that signs the
 * given user in at once (no login form), a token endpoint that insists on PKCE (S256) and the registered
 * redirect, and a JWKS. Its access token carries the claims the API reads (agency, role) for `audience`.
 */
export async function startTestIdentityProvider(user: TestUser, clientId = 'ips-web', audience = 'ips-api'): Promise<TestIdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string; nonce: string | null }>();
  let exchanges = 0;
  let issuer = '';

  const sign = (claims: Record<string, unknown>, aud: string, key: KeyLike) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(aud)
      .setSubject(user.sub)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' };
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors }).end(JSON.stringify(body));
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      const redirectUri = query.get('redirect_uri') ?? '';
      if (
        query.get('client_id') !== clientId ||
        query.get('response_type') !== 'code' ||
        query.get('code_challenge_method') !== 'S256' ||
        !query.get('code_challenge')
      ) {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      codes.set(code, { challenge: query.get('code_challenge') as string, redirectUri, nonce: query.get('nonce') });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      return void response.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== grant.redirectUri)
          return json(400, { error: 'invalid_grant' });
        if (base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge)
          return json(400, { error: 'invalid_grant', error_description: 'PKCE verifier does not match' });
        exchanges++;
        void Promise.all([
          sign({ agency: user.agency, role: user.role, scope: 'openid profile' }, audience, privateKey),
          sign({ name: user.name, ...(grant.nonce ? { nonce: grant.nonce } : {}) }, clientId, privateKey),
        ]).then(([accessToken, idToken]) =>
          json(200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' }),
        );
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    clientId,
    exchanges: () => exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
