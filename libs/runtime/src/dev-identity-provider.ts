import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenClaims, issueToken, jwksOf, loadOrCreateSigningKey } from '@ips/access';
import { IdentityProvider } from './config';
import { ServiceCredentials } from '@ips/employer/feature';

export interface DevIdentityProvider {
  /** As AUTH_IDENTITY_PROVIDERS names it: tokens of `npm run token` verify through this JWKS. */
  readonly provider: IdentityProvider;
  /** The token endpoint (client credentials grant) for the service clients it was started with. */
  readonly tokenUrl: string;
  close(): Promise<void>;
}

/** A service registered with the stand-in provider: its client id and secret, and the claims its tokens carry. */
export interface DevServiceClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly claims: Omit<TokenClaims, 'sub'>;
}

/** The employer service's identity when it asks the municipality who is on crisis duty. */
export const EMPLOYER_LINE_CLIENT_ID = 'employer-contact-line';
export const employerLineClient = (clientSecret: string): DevServiceClient => ({
  clientId: EMPLOYER_LINE_CLIENT_ID,
  clientSecret,
  claims: { agency: 'employer', role: 'service' },
});

const SERVICE_TOKEN_SECONDS = 15 * 60;

const same = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** client_secret_basic: `Basic base64(urlencode(id):urlencode(secret))`. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

const readBody = (request: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) request.destroy();
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

/**
 * A stand-in for an agency's identity provider on a developer's machine: serves the JWKS of the key in
 * DATA_DIR, so the distributed profile's services verify tokens the way they do in production (a JWKS URL)
 * and never hold the embedded key themselves; and, for the service clients given, a token endpoint
 * (OAuth 2.0 client credentials, client_secret_basic) as a real provider has for service-to-service calls.
 */
export async function startDevIdentityProvider(
  dataDir: string,
  port = 0,
  clients: readonly DevServiceClient[] = [],
  host = '127.0.0.1',
): Promise<DevIdentityProvider> {
  const key = await loadOrCreateSigningKey(dataDir);
  const jwks = JSON.stringify(jwksOf(key));
  const tokenError = (response: http.ServerResponse, status: number, error: string): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(status === 401 ? { 'www-authenticate': 'Basic' } : {}) });
    response.end(JSON.stringify({ error }));
  };
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=300' }).end(jwks);
    } else if (request.method === 'POST' && request.url === '/token') {
      void (async () => {
        const grant = new URLSearchParams(await readBody(request)).get('grant_type');
        const given = basicCredentials(request.headers.authorization);
        const client = given && clients.find((candidate) => same(candidate.clientId, given.clientId) && same(candidate.clientSecret, given.clientSecret));
        if (!client) return tokenError(response, 401, 'invalid_client');
        if (grant !== 'client_credentials') return tokenError(response, 400, 'unsupported_grant_type');
        const accessToken = await issueToken(key, { sub: client.clientId, ...client.claims }, `${SERVICE_TOKEN_SECONDS}s`);
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: SERVICE_TOKEN_SECONDS }));
      })().catch(() => tokenError(response, 500, 'server_error'));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as { port: number };
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`;
  return {
    provider: { issuer: TOKEN_ISSUER, jwksUrl: `${origin}/.well-known/jwks.json`, audience: TOKEN_AUDIENCE },
    tokenUrl: `${origin}/token`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The credentials a service uses with this provider. */
export const devServiceCredentials = (provider: DevIdentityProvider, client: DevServiceClient): ServiceCredentials => ({
  tokenUrl: provider.tokenUrl,
  clientId: client.clientId,
  clientSecret: client.clientSecret,
});
