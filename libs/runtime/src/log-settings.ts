import { LogSettings } from '@ips/observability';
import { PlatformConfig } from './config';

/** A service's log settings from its configuration (LOG_LEVEL; a test's destination). */
export const logSettingsOf = (config: Pick<PlatformConfig, 'logLevel' | 'logDestination'>, service: string): LogSettings => ({
  service,
  ...(config.logLevel ? { level: config.logLevel } : {}),
  ...(config.logDestination ? { destination: config.logDestination } : {}),
});
