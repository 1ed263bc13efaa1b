import http from 'node:http';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, jwksOf, loadOrCreateSigningKey } from '@ips/access';
import { IdentityProvider } from './config';

export interface DevIdentityProvider {
  /** As AUTH_IDENTITY_PROVIDERS names it: tokens of `npm run token` verify through this JWKS. */
  readonly provider: IdentityProvider;
  close(): Promise<void>;
}

/**
 * A stand-in for an agency's identity provider on a developer's machine: serves the JWKS of the key in
 * DATA_DIR, so the distributed profile's services verify tokens the way they do in production (a JWKS URL)
 * and never hold the embedded key themselves.
 */
export async function startDevIdentityProvider(dataDir: string, port = 0): Promise<DevIdentityProvider> {
  const jwks = JSON.stringify(jwksOf(await loadOrCreateSigningKey(dataDir)));
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=300' }).end(jwks);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as { port: number };
  return {
    provider: { issuer: TOKEN_ISSUER, jwksUrl: `http://127.0.0.1:${bound}/.well-known/jwks.json`, audience: TOKEN_AUDIENCE },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
