import { Client } from 'pg';
import { Clock, systemClock } from '@ips/kernel';
import { PlatformConfig } from './config';
import { DISTRIBUTED_SERVICES, DistributedService } from './distributed-services';
import { agencyService } from './agency-services';
import { GatewayRoutes, startGateway } from './gateway';
import { logSettingsOf } from './log-settings';
import { RunningService, compose } from './compose';

export { DISTRIBUTED_SERVICES, type DistributedService } from './distributed-services';

/**
 * The name a deployment's databases start with: the database DATABASE_URL names (`ips` when it names none), so two
 * deployments on one PostgreSQL server, each with its own DATABASE_URL, never meet.
 */
export function deploymentName(serverUrl: string): string {
  return decodeURIComponent(new URL(serverUrl).pathname.replace(/^\//, '')) || LEGACY_PREFIX;
}

/** The prefix of every deployment before the databases were named from DATABASE_URL. */
export const LEGACY_PREFIX = 'ips';

const databaseUrlOn = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
};

/** Each service's own database on DATABASE_URL's server: `<name>_welfare_office`, … (+ `suffix`, for tests). */
export function serviceDatabaseUrl(serverUrl: string, service: DistributedService, suffix = '', prefix = deploymentName(serverUrl)): string {
  return databaseUrlOn(serverUrl, `${prefix}_${service.replace(/-/g, '_')}${suffix}`);
}

/** The one key store every service shares, on the same server unless KEY_STORE_URL says otherwise: `<name>_keys`. */
export function keyStoreDatabaseUrl(serverUrl: string, suffix = '', prefix = deploymentName(serverUrl)): string {
  return databaseUrlOn(serverUrl, `${prefix}_keys${suffix}`);
}

/**
 * The prefix this deployment's databases have on the server: DATABASE_URL's name, unless none of its service
 * databases exist yet and a deployment from before (`ips_welfare_office`, … with the same `suffix`) does: then that one
 * is found and used (the upgrade path; README). `legacy` is for tests.
 */
export async function databasePrefixOn(serverUrl: string, suffix = '', legacy = LEGACY_PREFIX): Promise<{ prefix: string; legacy: boolean }> {
  const prefix = deploymentName(serverUrl);
  if (prefix === legacy) return { prefix, legacy: false };
  const names = (prefixed: string) =>
    DISTRIBUTED_SERVICES.map((service) => new URL(serviceDatabaseUrl(serverUrl, service, suffix, prefixed)).pathname.slice(1)).map(decodeURIComponent);
  const admin = new Client({ connectionString: databaseUrlOn(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname = any($1::text[])', [
      [...names(prefix), ...names(legacy)],
    ]);
    const found = new Set(rows.map((row) => row.datname));
    const ours = names(prefix).some((name) => found.has(name));
    const before = names(legacy).some((name) => found.has(name));
    return !ours && before ? { prefix: legacy, legacy: true } : { prefix, legacy: false };
  } finally {
    await admin.end();
  }
}

export function startService(service: DistributedService, config: PlatformConfig, clock: Clock = systemClock): Promise<RunningService> {
  return compose(
    'distributed',
    service === 'team-view' ? { agencies: [], teamView: true } : { agencies: [agencyService(service)], teamView: false },
    config,
    clock,
  );
}

export interface RunningDistributed extends RunningService {
  readonly services: ReadonlyMap<DistributedService, RunningService>;
}

/**
 * The distributed profile in one process (for tests that share a clock with it): every service on its
 * own port, database and Kafka client, behind the gateway on `config.port`.
 */
export async function startDistributedInProcess(
  config: PlatformConfig & { readonly databaseUrl: string },
  clock: Clock = systemClock,
  databaseSuffix = '',
): Promise<RunningDistributed> {
  const { prefix } = await databasePrefixOn(config.databaseUrl, databaseSuffix);
  const keyStoreUrl = config.keyStoreUrl ?? keyStoreDatabaseUrl(config.databaseUrl, databaseSuffix, prefix);
  const start = (service: DistributedService, crisisDutyUrl = config.crisisDutyUrl) =>
    startService(
      service,
      {
        ...config,
        port: 0,
        databaseUrl: serviceDatabaseUrl(config.databaseUrl, service, databaseSuffix, prefix),
        keyStoreUrl,
        ...(crisisDutyUrl ? { crisisDutyUrl } : {}),
      },
      clock,
    );
  // Side by side, as a deployment's processes start (each joins its Kafka groups, seconds on the mock cluster): only the
  // employer service waits, for the municipality's address (it asks it who is on crisis duty), unless told another.
  // The municipality comes first in the map, so it closes last (the employer line may still ask it).
  const order = [...DISTRIBUTED_SERVICES].sort((a, b) => Number(b === 'municipality') - Number(a === 'municipality'));
  const municipality = start('municipality');
  const results = await Promise.allSettled(
    order.map((service) => {
      if (service === 'municipality') return municipality;
      if (service === 'employer' && !config.crisisDutyUrl) return municipality.then((running) => start(service, running.url));
      return start(service);
    }),
  );
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    // None left running: a caller that sees the error has nothing to close.
    await Promise.all(started.map((running) => running.close()));
    throw failed.reason;
  }
  const services = new Map(order.map((service, index) => [service, started[index] as RunningService]));
  const routes: GatewayRoutes = Object.fromEntries([...services].map(([service, running]) => [service, running.url]));
  const gateway = await startGateway(routes, config.port, { webClients: config.webClients ?? [], logging: logSettingsOf(config, 'gateway') });
  const agencies = [...services].filter(([service]) => service !== 'team-view').map(([, running]) => running);
  return {
    app: gateway.app,
    url: gateway.url,
    services,
    settled: async () => {
      // Twice: a reaction to an event may itself append events that the team view must see.
      for (let round = 0; round < 2; round++) for (const agency of agencies) await agency.settled();
      await services.get('team-view')?.settled();
    },
    close: async () => {
      await gateway.close();
      for (const running of [...services.values()].reverse()) await running.close();
    },
  };
}
