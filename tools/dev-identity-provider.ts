// A stand-in identity provider for trying the distributed profile: serves the JWKS of the token key in
// DATA_DIR on PORT (default 4000) at /.well-known/jwks.json. Tokens from `npm run token` then verify in
// every service through AUTH_IDENTITY_PROVIDERS=ips-platform|http://<host>:<port>/.well-known/jwks.json|ips-platform.
import path from 'node:path';
import { startDevIdentityProvider } from '@ips/runtime';

startDevIdentityProvider(path.resolve(process.env['DATA_DIR'] ?? 'data'), Number(process.env['PORT'] ?? 4000)).then(
  ({ provider }) => console.log(`dev identity provider: ${provider.jwksUrl}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
