import path from 'node:path';
import { JwtVerifier, loadOrCreateSigningKey } from '@ips/access';
import { InProcessBus, MessageBus } from '@ips/messaging';
import { KafkaBus } from '@ips/messaging/kafka';
import { PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';
import { ConfigError, PlatformConfig } from './config';

/** The embedded profile's two PGlite databases in DATA_DIR: the events and read models, and the participants' keys. */
export const EMBEDDED_DATABASES = { events: 'pglite', keys: 'data-keys' } as const;

/** The configured PostgreSQL server's database (created if missing), or PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir' | 'vacuumEveryMs'>): Promise<SqlDriver> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return new PgDriver({ connectionString: config.databaseUrl });
  }
  return PgliteDriver.open(path.join(config.dataDir, EMBEDDED_DATABASES.events), { vacuumEveryMs: config.vacuumEveryMs });
}

export interface OpenKeyStore {
  readonly personalData: PersonalData;
  /** Resolves when the key store's database answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The key store, in its own database so that the keys are never in the events' backups: KEY_STORE_URL
 * (required for a distributed service: every service must open the same participants' keys); embedded,
 * a PGlite database of its own in DATA_DIR/data-keys, or DATABASE_URL's database name + `_keys` on its server.
 */
export async function openKeyStore(
  config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir' | 'keyStoreUrl' | 'vacuumEveryMs'>,
  profile: 'embedded' | 'distributed',
): Promise<OpenKeyStore> {
  if (!config.keyStoreUrl && profile === 'distributed') {
    throw new ConfigError('a distributed service needs KEY_STORE_URL: the one database of participant keys every service shares');
  }
  let db: SqlDriver;
  if (config.keyStoreUrl || config.databaseUrl) {
    const url = config.keyStoreUrl ? new URL(config.keyStoreUrl) : new URL(config.databaseUrl as string);
    if (!config.keyStoreUrl) url.pathname = `${url.pathname.replace(/\/$/, '') || '/postgres'}_keys`;
    await ensureDatabase(url.toString());
    db = new PgDriver({ connectionString: url.toString() });
  } else {
    db = await PgliteDriver.open(path.join(config.dataDir, EMBEDDED_DATABASES.keys), { vacuumEveryMs: config.vacuumEveryMs });
  }
  const keys = await PostgresKeyStore.open(db);
  return {
    personalData: new PersonalData(keys),
    ping: async () => {
      await db.query('select 1');
    },
    close: () => db.close(),
  };
}

/**
 * The embedded profile accepts tokens of the key kept in DATA_DIR and of any configured identity provider;
 * a distributed service only those of the identity providers (AUTH_IDENTITY_PROVIDERS), through their JWKS.
 */
export async function createVerifier(
  config: Pick<PlatformConfig, 'dataDir' | 'identityProviders' | 'tokenMaxLifetimeHours'>,
  profile: 'embedded' | 'distributed',
): Promise<JwtVerifier> {
  const rules = config.tokenMaxLifetimeHours !== undefined ? { maxLifetimeHours: config.tokenMaxLifetimeHours } : {};
  if (profile === 'distributed') {
    if (config.identityProviders.length === 0) {
      throw new ConfigError('a distributed service verifies tokens through AUTH_IDENTITY_PROVIDERS (issuer|jwksUrl|audience); none is set');
    }
    return JwtVerifier.forIdentityProviders(config.identityProviders, undefined, rules);
  }
  const key = await loadOrCreateSigningKey(config.dataDir);
  return JwtVerifier.forIdentityProviders(config.identityProviders, key.publicKey, rules);
}

/** Kafka when KAFKA_BROKERS is set, else the in-process bus. */
export function createBus(config: Pick<PlatformConfig, 'kafkaBrokers'>, clientId: string, onError?: (error: unknown) => void): MessageBus {
  return config.kafkaBrokers.length > 0
    ? new KafkaBus({ brokers: config.kafkaBrokers, clientId, logLevel: 'nothing', ...(onError ? { onError } : {}) })
    : new InProcessBus();
}
