import { Clock, systemClock } from '@ips/access';
import { PlatformConfig } from './config';
import { DISTRIBUTED_SERVICES, DistributedService } from './distributed-services';
import { agencyService } from './agency-services';
import { GatewayRoutes, startGateway } from './gateway';
import { RunningService, startAgencyService, startTeamViewService } from './services';

export { DISTRIBUTED_SERVICES, type DistributedService } from './distributed-services';

/** Each service's own database on DATABASE_URL's server: `ips_welfare_office`, … (+ `suffix`, for tests). */
export function serviceDatabaseUrl(serverUrl: string, service: DistributedService, suffix = ''): string {
  const url = new URL(serverUrl);
  url.pathname = `/ips_${service.replace(/-/g, '_')}${suffix}`;
  return url.toString();
}

/** The one key store every service shares, on the same server unless KEY_STORE_URL says otherwise: `ips_keys`. */
export function keyStoreDatabaseUrl(serverUrl: string, suffix = ''): string {
  const url = new URL(serverUrl);
  url.pathname = `/ips_keys${suffix}`;
  return url.toString();
}

export function startService(service: DistributedService, config: PlatformConfig, clock: Clock = systemClock): Promise<RunningService> {
  return service === 'team-view' ? startTeamViewService(config, clock) : startAgencyService(agencyService(service), config, clock);
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
  const services = new Map<DistributedService, RunningService>();
  const keyStoreUrl = config.keyStoreUrl ?? keyStoreDatabaseUrl(config.databaseUrl, databaseSuffix);
  // The municipality first: the employer line asks it who is on crisis duty (unless told another address).
  const order = [...DISTRIBUTED_SERVICES].sort((a, b) => Number(b === 'municipality') - Number(a === 'municipality'));
  for (const service of order) {
    const databaseUrl = serviceDatabaseUrl(config.databaseUrl, service, databaseSuffix);
    const crisisDutyUrl = config.crisisDutyUrl ?? services.get('municipality')?.url;
    services.set(service, await startService(service, { ...config, port: 0, databaseUrl, keyStoreUrl, ...(crisisDutyUrl ? { crisisDutyUrl } : {}) }, clock));
  }
  const routes: GatewayRoutes = Object.fromEntries([...services].map(([service, running]) => [service, running.url]));
  const gateway = await startGateway(routes, config.port, { webClients: config.webClients ?? [] });
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
