// A stand-in identity provider for trying the distributed profile: serves the JWKS of the token key in
// DATA_DIR on HOST:PORT (default 127.0.0.1:4000) at /.well-known/jwks.json. Tokens from `npm run token` then verify in
// every service through AUTH_IDENTITY_PROVIDERS=ips-platform|http://<host>:<port>/.well-known/jwks.json|ips-platform.
// With SERVICE_CLIENT_SECRET set, POST /token also gives the employer service its own token (client credentials,
// client id `employer-contact-line`) for asking the municipality who is on crisis duty.
import path from 'node:path';
import { employerLineClient, startDevIdentityProvider } from '@ips/runtime';

const secret = process.env['SERVICE_CLIENT_SECRET'];
startDevIdentityProvider(
  path.resolve(process.env['DATA_DIR'] ?? 'data'),
  Number(process.env['PORT'] ?? 4000),
  secret ? [employerLineClient(secret)] : [],
  process.env['HOST'] ?? '127.0.0.1',
).then(
  ({ provider, tokenUrl }) => console.log(`dev identity provider: ${provider.jwksUrl}${secret ? `, ${tokenUrl}` : ''}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
