import path from 'node:path';
import { DEFAULT_TOKEN_MAX_LIFETIME_HOURS } from '@ips/access';
import { ContactLineConfig } from '@ips/employer/feature';
import { DEFAULT_EMERGENCY_ACCESS_HOURS, MAX_EMERGENCY_ACCESS_HOURS } from '@ips/team-view';
import { LOG_LEVEL_NAMES, LogDestination, LogLevelName, TracingSettings } from '@ips/observability';
import { DEFAULT_LAG_BUDGET, LagBudget } from './health/lag-budget';
import { ServiceCredentials } from '@ips/employer/feature';

export interface PlatformConfig {
  /** Failed authentications per client address and minute before 429 (default 30). */
  readonly authFailuresPerMinute?: number;
  /** Kafka bootstrap brokers; empty means the in-process bus (embedded profile). */
  readonly kafkaBrokers: readonly string[];
  /** HTTP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Embedded database files and the token signing key. */
  readonly dataDir: string;
  /** When set, a PostgreSQL server instead of the embedded engine. */
  readonly databaseUrl?: string;
  /** The embedded engine has no autovacuum: its databases are vacuumed this often (PGLITE_VACUUM_SECONDS, default 60; 0 never). */
  readonly vacuumEveryMs?: number;
  /**
   * Where an agency service keeps its events (EVENT_STORE): its PostgreSQL database, or KurrentDB at
   * its url (KURRENTDB_URL); PostgreSQL when left out. The embedded platform always uses PostgreSQL/PGlite.
   */
  readonly eventStore?: EventStoreChoice;
  /**
   * The participants' data keys, apart from the events they seal: one database every service of a
   * deployment shares. Required in the distributed profile; embedded, DATA_DIR/data-keys (or, on a server,
   * DATABASE_URL's database name + `_keys`).
   */
  readonly keyStoreUrl?: string;
  /** Identity providers whose tokens are accepted besides the embedded key: `issuer|jwksUrl|audience`, comma-separated. */
  readonly identityProviders: readonly IdentityProvider[];
  /** Placements below this hourly wage are refused: IPS means ordinary jobs at ordinary pay. */
  readonly minimumHourlyWage: number;
  /** The employer 24/7 contact line: acknowledgement windows, polling; its defaults when left out. */
  readonly contactLine?: Partial<ContactLineConfig>;
  /**
   * Distributed profile: the municipality service's base URL (CRISIS_DUTY_URL), which the employer line asks who
   * is on crisis duty. Without it (or without `serviceCredentials`) the line's third tier names nobody.
   */
  readonly crisisDutyUrl?: string;
  /** This service's own identity for calls to other services (SERVICE_TOKEN_URL, SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET). */
  readonly serviceCredentials?: ServiceCredentials;
  /**
   * Embedded profile only: the web app's demo sign-in (pick a demo user, get a token of the embedded key), from
   * DEMO_SIGN_IN. `demo-team` (DEMO_SIGN_IN unset, the default): on only while the data directory holds the demo team
   * (`npm run seed` marks it, see demo-team.ts); `on`: always; `off`: never, not even mounted. Never in the
   * distributed profile.
   */
  readonly demoSignIn?: DemoSignInSetting;
  /** The longest a token may live (exp − iat), in hours (TOKEN_MAX_LIFETIME_HOURS, default 12). */
  readonly tokenMaxLifetimeHours?: number;
  /** The web app's OpenID Connect clients (authorization code + PKCE), one per identity provider it offers. */
  readonly webClients?: readonly WebClient[];
  /** How many hours an emergency access lasts when its end is left out (EMERGENCY_ACCESS_HOURS, default 4, at most 24). */
  readonly emergencyAccessHours?: number;
  /**
   * OpenTelemetry traces: TRACING `on` or `off` (on when OTEL_EXPORTER_OTLP_ENDPOINT is set, else off), exported over
   * OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (none without it), as OTEL_SERVICE_NAME (the service's name without it).
   */
  readonly tracing?: TracingSettings;
  /** Prometheus metrics at GET /metrics (METRICS, METRICS_TOKEN): on and open when left out. */
  readonly metrics?: MetricsSetting;
  /** LOG_LEVEL: fatal, error, warn, info, debug, trace or silent; `info` when left out (`warn` under Jest). */
  readonly logLevel?: LogLevelName;
  /** Where the log lines go instead of stdout: tests capture them. Not from the environment. */
  readonly logDestination?: LogDestination;
  /** Readiness: how far behind its source a consumer of the bus may be (HEALTH_LAG_BUDGET_SECONDS, default 60; HEALTH_LAG_BUDGET_EVENTS, unbounded when left out). */
  readonly healthLagBudget?: LagBudget;
}

/**
 * METRICS=off: nothing is counted and GET /metrics is not mounted. METRICS_TOKEN: /metrics answers only
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); unset, anyone who reaches the port may read it.
 */
export interface MetricsSetting {
  readonly enabled: boolean;
  readonly token?: string;
}

/** An OpenID Connect client the web app signs in with: the provider (one of `identityProviders`) and its client id. */
export interface WebClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

export class ConfigError extends Error {}

/** DEMO_SIGN_IN: `on`, `off`, or left out (`demo-team`: on while the data directory holds the seeded demo team). */
export type DemoSignInSetting = 'on' | 'off' | 'demo-team';

export type EventStoreChoice = { readonly kind: 'postgres' } | { readonly kind: 'kurrentdb'; readonly url: string };

const KURRENTDB_SCHEMES = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/[^/]/;

function eventStoreFromEnv(env: NodeJS.ProcessEnv): EventStoreChoice {
  const kind = env['EVENT_STORE'] ?? 'postgres';
  const url = env['KURRENTDB_URL'];
  if (kind === 'postgres') return { kind };
  if (kind !== 'kurrentdb') throw new ConfigError(`EVENT_STORE must be postgres or kurrentdb, got ${kind}`);
  if (!url) throw new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL, e.g. kurrentdb://localhost:2113?tls=false');
  if (!KURRENTDB_SCHEMES.test(url)) throw new ConfigError(`KURRENTDB_URL must be a kurrentdb:// connection string, got ${url}`);
  return { kind, url };
}

/** An agency's identity provider: tokens with this issuer and audience, keys from this JWKS URL. */
export interface IdentityProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0-65535, got ${env['PORT']}`);
  const identityProviders = (env['AUTH_IDENTITY_PROVIDERS'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [issuer, jwksUrl, audience] = entry.split('|');
      if (!issuer || !jwksUrl || !audience) throw new ConfigError(`AUTH_IDENTITY_PROVIDERS entry "${entry}" is not issuer|jwksUrl|audience`);
      return { issuer, jwksUrl, audience };
    });
  const minimumHourlyWage = Number(env['MINIMUM_HOURLY_WAGE'] ?? 200);
  if (!Number.isFinite(minimumHourlyWage) || minimumHourlyWage < 0) {
    throw new ConfigError(`MINIMUM_HOURLY_WAGE must be a number ≥ 0, got ${env['MINIMUM_HOURLY_WAGE']}`);
  }
  const kafkaBrokers = (env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return {
    port,
    authFailuresPerMinute: Math.floor(positive(env, 'AUTH_FAILURES_PER_MINUTE', 30)),
    kafkaBrokers,
    minimumHourlyWage,
    contactLine: contactLineFromEnv(env),
    dataDir: path.resolve(env['DATA_DIR'] ?? 'data'),
    vacuumEveryMs: vacuumSecondsFromEnv(env) * 1000,
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    eventStore: eventStoreFromEnv(env),
    ...(env['KEY_STORE_URL'] ? { keyStoreUrl: env['KEY_STORE_URL'] } : {}),
    ...(env['CRISIS_DUTY_URL'] ? { crisisDutyUrl: httpUrl(env, 'CRISIS_DUTY_URL') } : {}),
    ...serviceCredentialsFromEnv(env),
    identityProviders,
    demoSignIn: demoSignInFromEnv(env),
    tokenMaxLifetimeHours: positive(env, 'TOKEN_MAX_LIFETIME_HOURS', DEFAULT_TOKEN_MAX_LIFETIME_HOURS),
    webClients: webClientsFromEnv(env, identityProviders),
    emergencyAccessHours: emergencyAccessHoursFromEnv(env),
    tracing: tracingFromEnv(env),
    metrics: metricsFromEnv(env),
    ...logLevelFromEnv(env),
    healthLagBudget: healthLagBudgetFromEnv(env),
  };
}

/** LOG_LEVEL, checked; nothing when it is not set. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): { logLevel?: LogLevelName } {
  const value = env['LOG_LEVEL'];
  if (value === undefined || value === '') return {};
  if (!(LOG_LEVEL_NAMES as readonly string[]).includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVEL_NAMES.join(', ')}, got ${value}`);
  return { logLevel: value as LogLevelName };
}

function healthLagBudgetFromEnv(env: NodeJS.ProcessEnv): LagBudget {
  const seconds = positive(env, 'HEALTH_LAG_BUDGET_SECONDS', DEFAULT_LAG_BUDGET.seconds);
  if (env['HEALTH_LAG_BUDGET_EVENTS'] === undefined || env['HEALTH_LAG_BUDGET_EVENTS'] === '') return { seconds };
  return { seconds, events: Math.floor(positive(env, 'HEALTH_LAG_BUDGET_EVENTS', 1)) };
}

function metricsFromEnv(env: NodeJS.ProcessEnv): MetricsSetting {
  const value = env['METRICS'] || 'on';
  if (value !== 'on' && value !== 'off') throw new ConfigError(`METRICS must be on or off, got ${value}`);
  const token = env['METRICS_TOKEN'];
  if (token && (token.length < 16 || /\s/.test(token))) throw new ConfigError('METRICS_TOKEN must be at least 16 characters, without spaces');
  return { enabled: value === 'on', ...(token ? { token } : {}) };
}

function tracingFromEnv(env: NodeJS.ProcessEnv): TracingSettings {
  const endpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined;
  const serviceName = env['OTEL_SERVICE_NAME'] || undefined;
  const value = env['TRACING'] || (endpoint ? 'on' : 'off');
  if (value !== 'on' && value !== 'off') throw new ConfigError(`TRACING must be on or off, got ${value}`);
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got ${endpoint}`);
  return { enabled: value === 'on', ...(endpoint ? { endpoint } : {}), ...(serviceName ? { serviceName } : {}) };
}

function emergencyAccessHoursFromEnv(env: NodeJS.ProcessEnv): number {
  const hours = positive(env, 'EMERGENCY_ACCESS_HOURS', DEFAULT_EMERGENCY_ACCESS_HOURS);
  if (hours > MAX_EMERGENCY_ACCESS_HOURS) throw new ConfigError(`EMERGENCY_ACCESS_HOURS must be at most ${MAX_EMERGENCY_ACCESS_HOURS}, got ${hours}`);
  return hours;
}

function vacuumSecondsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = env['PGLITE_VACUUM_SECONDS'] ?? '60';
  if (!/^\d+$/.test(value)) throw new ConfigError(`PGLITE_VACUUM_SECONDS must be a whole number of seconds (0: never), got ${value}`);
  return Number(value);
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name] ?? '';
  if (!/^https?:\/\/[^/]/.test(value)) throw new ConfigError(`${name} must be an http(s) URL, got ${value}`);
  return value;
}

function serviceCredentialsFromEnv(env: NodeJS.ProcessEnv): { serviceCredentials?: ServiceCredentials } {
  const names = ['SERVICE_TOKEN_URL', 'SERVICE_CLIENT_ID', 'SERVICE_CLIENT_SECRET'] as const;
  const set = names.filter((name) => env[name]);
  if (set.length === 0) return {};
  if (set.length < names.length) throw new ConfigError(`${names.join(', ')} go together; missing ${names.filter((name) => !env[name]).join(', ')}`);
  return {
    serviceCredentials: {
      tokenUrl: httpUrl(env, 'SERVICE_TOKEN_URL'),
      clientId: env['SERVICE_CLIENT_ID'] as string,
      clientSecret: env['SERVICE_CLIENT_SECRET'] as string,
    },
  };
}

function demoSignInFromEnv(env: NodeJS.ProcessEnv): DemoSignInSetting {
  const value = env['DEMO_SIGN_IN'];
  if (value === undefined || value === '') return 'demo-team';
  if (value !== 'on' && value !== 'off') {
    throw new ConfigError(`DEMO_SIGN_IN must be on or off (or left out: on only for the demo team of npm run seed), got ${value}`);
  }
  return value;
}

/** WEB_OIDC_CLIENTS: `issuer|clientId[|scope]`, comma-separated; each issuer must be one whose tokens the API accepts. */
function webClientsFromEnv(env: NodeJS.ProcessEnv, providers: readonly IdentityProvider[]): WebClient[] {
  return (env['WEB_OIDC_CLIENTS'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [issuer, clientId, scope] = entry.split('|');
      if (!issuer || !clientId) throw new ConfigError(`WEB_OIDC_CLIENTS entry "${entry}" is not issuer|clientId[|scope]`);
      if (!providers.some((provider) => provider.issuer === issuer)) {
        throw new ConfigError(`WEB_OIDC_CLIENTS issuer ${issuer} is not in AUTH_IDENTITY_PROVIDERS: the API would refuse its tokens`);
      }
      return { issuer, clientId, scope: scope || 'openid profile' };
    });
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got ${env[name]}`);
  return value;
}

function contactLineFromEnv(env: NodeJS.ProcessEnv): Partial<ContactLineConfig> {
  const url = env['CONTACT_LINE_WEBHOOK_URL'];
  const secret = env['CONTACT_LINE_WEBHOOK_SECRET'];
  if (url && !secret) throw new ConfigError('CONTACT_LINE_WEBHOOK_URL needs CONTACT_LINE_WEBHOOK_SECRET to sign with');
  return {
    acknowledgeWithin: {
      urgent: positive(env, 'CONTACT_LINE_SLA_URGENT_MINUTES', 15),
      routine: positive(env, 'CONTACT_LINE_SLA_ROUTINE_MINUTES', 60),
    },
    pollIntervalMs: positive(env, 'CONTACT_LINE_POLL_SECONDS', 5) * 1000,
    requestsPerMinute: Math.floor(positive(env, 'CONTACT_LINE_REQUESTS_PER_MINUTE', 120)),
    ...(url && secret ? { webhook: { url, secret } } : {}),
  };
}
