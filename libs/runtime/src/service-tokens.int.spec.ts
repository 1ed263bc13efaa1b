import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JwtVerifier } from '@ips/access';
import { DevIdentityProvider, devServiceCredentials, employerLineClient, startDevIdentityProvider } from './dev-identity-provider';
import { ServiceTokens } from '@ips/employer/feature';

describe('a service identity: client credentials from an identity provider', () => {
  let dataDir: string;
  let provider: DevIdentityProvider;
  const client = employerLineClient('the-right-secret');

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-service-tokens-'));
    provider = await startDevIdentityProvider(dataDir, 0, [client]);
  });
  afterAll(async () => {
    await provider.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given the right secret, when a token is asked for, then it verifies through the JWKS as the employer service, role service', async () => {
    const token = await new ServiceTokens(devServiceCredentials(provider, client)).token();
    const { issuer, jwksUrl, audience } = provider.provider;
    const principal = await JwtVerifier.forIdentityProviders([{ issuer, jwksUrl, audience }]).verify(token);
    expect(principal).toEqual({ sub: 'employer-contact-line', agency: 'employer', role: 'service' });
  });

  it('given a wrong secret, when a token is asked for, then the provider refuses (401 invalid_client) and no token is given', async () => {
    const tokens = new ServiceTokens({ ...devServiceCredentials(provider, client), clientSecret: 'a-wrong-secret' });
    await expect(tokens.token()).rejects.toThrow(/answered 401/);
  });

  it('given callers at once, when they ask, then they share one token until it is forgotten', async () => {
    const tokens = new ServiceTokens(devServiceCredentials(provider, client));
    const [first, second] = await Promise.all([tokens.token(), tokens.token()]);
    expect(second).toBe(first);
    expect(await tokens.token()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a new iat: a new token differs
    tokens.forget();
    expect(await tokens.token()).not.toBe(first);
  });
});
