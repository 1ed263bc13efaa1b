// npm run start:distributed: every agency service and the team view as its own process, each with its own
// database on DATABASE_URL's server named from DATABASE_URL's own (`<name>_welfare_office`, …), one shared key store
// (KEY_STORE_URL, default `<name>_keys` on the same server), Kafka at KAFKA_BROKERS, and the gateway on PORT in front.
// Without KAFKA_BROKERS it starts librdkafka's in-memory mock cluster (kcat) for a local try-out.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MockKafkaCluster } from '@ips/messaging/testing';
import {
  DISTRIBUTED_SERVICES,
  LEGACY_PREFIX,
  acceptNewKafkaCluster,
  configFromEnv,
  databasePrefixOn,
  devServiceCredentials,
  employerLineClient,
  keyStoreDatabaseUrl,
  serviceDatabaseUrl,
  startDevIdentityProvider,
} from '@ips/runtime';

async function main(): Promise<void> {
  const config = configFromEnv();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to a PostgreSQL server: each service creates its own database there');
  let brokers = config.kafkaBrokers;
  let cluster: MockKafkaCluster | null = null;
  if (brokers.length === 0) {
    cluster = await MockKafkaCluster.start();
    brokers = cluster.brokers;
    console.log(`KAFKA_BROKERS not set: using librdkafka's in-memory mock cluster at ${brokers.join(',')} (gone when this stops)`);
  }
  // Services verify tokens only through identity providers' JWKS; for a try-out, serve the JWKS of the
  // token key in DATA_DIR (the one `npm run token` signs with).
  // It also gives the employer service its own identity (client credentials) for asking the municipality.
  let identityProviders = process.env['AUTH_IDENTITY_PROVIDERS'] ?? '';
  const serviceEnv: Record<string, string> = {};
  if (!identityProviders) {
    const client = employerLineClient(randomBytes(16).toString('hex'));
    const identity = await startDevIdentityProvider(config.dataDir, config.port + DISTRIBUTED_SERVICES.length + 1, [client]);
    const { provider } = identity;
    identityProviders = `${provider.issuer}|${provider.jwksUrl}|${provider.audience}`;
    const credentials = devServiceCredentials(identity, client);
    Object.assign(serviceEnv, {
      SERVICE_TOKEN_URL: credentials.tokenUrl,
      SERVICE_CLIENT_ID: credentials.clientId,
      SERVICE_CLIENT_SECRET: credentials.clientSecret,
    });
    console.log(`AUTH_IDENTITY_PROVIDERS not set: tokens of npm run token verify through ${provider.jwksUrl}`);
  }
  // The databases are named from DATABASE_URL's database; a deployment from before (ips_*) is found and used.
  const { prefix, legacy } = await databasePrefixOn(config.databaseUrl);
  if (legacy) {
    console.log(
      `found this server's databases from before (${LEGACY_PREFIX}_welfare_office, …): using them; name the database ${LEGACY_PREFIX} in DATABASE_URL to say so`,
    );
  }
  console.log(`databases: ${prefix}_<service> and ${prefix}_keys on DATABASE_URL's server`);
  if (cluster) {
    // The mock cluster keeps nothing between runs: every start is a new cluster, so this start takes the way on that an
    // operator takes after a real one (decision 41) before any service runs; without it the consumers would stop.
    const steps = await acceptNewKafkaCluster({ ...config, databaseUrl: config.databaseUrl });
    const consumers = steps.reduce((sum, step) => sum + step.consumers.length, 0);
    if (consumers > 0)
      console.log(`a new mock cluster: ${consumers} consumers read it from offset 0 and every agency's outbox is sent again (npm run kafka:new-cluster)`);
  }
  const keyStoreUrl = config.keyStoreUrl ?? keyStoreDatabaseUrl(config.databaseUrl, '', prefix);
  const root = path.resolve(__dirname, '..');
  const children: ChildProcess[] = [];
  const run = (app: string, env: Record<string, string>): void => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', `apps/${app}/src/main.ts`], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: config.dataDir,
        KAFKA_BROKERS: brokers.join(','),
        AUTH_IDENTITY_PROVIDERS: identityProviders,
        KEY_STORE_URL: keyStoreUrl,
        ...env,
      },
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => console.log(`${app} exited (${signal ?? code})`));
    children.push(child);
  };
  const urls: Record<string, string> = {};
  DISTRIBUTED_SERVICES.forEach((service, index) => {
    const port = config.port + index + 1;
    urls[`${service.toUpperCase().replace(/-/g, '_')}_URL`] = `http://127.0.0.1:${port}`;
  });
  DISTRIBUTED_SERVICES.forEach((service, index) => {
    const port = config.port + index + 1;
    // The employer line asks the municipality service who is on crisis duty, as itself.
    const crisis = service === 'employer' ? { CRISIS_DUTY_URL: process.env['CRISIS_DUTY_URL'] ?? urls['MUNICIPALITY_URL'] ?? '', ...serviceEnv } : {};
    run(service, { PORT: String(port), DATABASE_URL: serviceDatabaseUrl(config.databaseUrl as string, service, '', prefix), ...crisis });
  });
  run('gateway', { PORT: String(config.port), ...urls });
  const stop = (): void => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => {
      void cluster?.stop();
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
