import path from 'node:path';
import { JwtVerifier, loadOrCreateSigningKey } from '@ips/access';
import { InProcessBus, KafkaBus, MessageBus } from '@ips/messaging';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';
import { ConfigError, PlatformConfig } from './config';

/** The configured PostgreSQL server's database (created if missing), or PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir'>): Promise<SqlDriver> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return new PgDriver({ connectionString: config.databaseUrl });
  }
  return PgliteDriver.open(path.join(config.dataDir, 'pglite'));
}

/**
 * The embedded profile accepts tokens of the key kept in DATA_DIR and of any configured identity provider;
 * a distributed service only those of the identity providers (AUTH_IDENTITY_PROVIDERS), through their JWKS.
 */
export async function createVerifier(
  config: Pick<PlatformConfig, 'dataDir' | 'identityProviders'>,
  profile: 'embedded' | 'distributed',
): Promise<JwtVerifier> {
  if (profile === 'distributed') {
    if (config.identityProviders.length === 0) {
      throw new ConfigError('a distributed service verifies tokens through AUTH_IDENTITY_PROVIDERS (issuer|jwksUrl|audience); none is set');
    }
    return JwtVerifier.forIdentityProviders(config.identityProviders);
  }
  const key = await loadOrCreateSigningKey(config.dataDir);
  return JwtVerifier.forIdentityProviders(config.identityProviders, key.publicKey);
}

/** Kafka when KAFKA_BROKERS is set, else the in-process bus. */
export function createBus(config: Pick<PlatformConfig, 'kafkaBrokers'>, clientId: string, onError?: (error: unknown) => void): MessageBus {
  return config.kafkaBrokers.length > 0
    ? new KafkaBus({ brokers: config.kafkaBrokers, clientId, logLevel: 'nothing', ...(onError ? { onError } : {}) })
    : new InProcessBus();
}
