import { ConfigError, configFromEnv } from './config';
import { openKeyStore } from './infrastructure';

describe('platform configuration: the employer contact line', () => {
  it('defaults to 15 minutes for urgent and 60 for routine requests, polling every 5 seconds, 120 requests a minute per employer, no webhook', () => {
    expect(configFromEnv({}).contactLine).toEqual({ acknowledgeWithin: { urgent: 15, routine: 60 }, pollIntervalMs: 5_000, requestsPerMinute: 120 });
  });

  it('reads the windows, the poll interval, the rate limit and the webhook from the environment', () => {
    const env = {
      CONTACT_LINE_SLA_URGENT_MINUTES: '10',
      CONTACT_LINE_SLA_ROUTINE_MINUTES: '45',
      CONTACT_LINE_POLL_SECONDS: '2',
      CONTACT_LINE_REQUESTS_PER_MINUTE: '30',
      CONTACT_LINE_WEBHOOK_URL: 'https://pager.example.org/ips',
      CONTACT_LINE_WEBHOOK_SECRET: 'a-secret-of-enough-length',
    };
    expect(configFromEnv(env).contactLine).toEqual({
      acknowledgeWithin: { urgent: 10, routine: 45 },
      pollIntervalMs: 2_000,
      requestsPerMinute: 30,
      webhook: { url: 'https://pager.example.org/ips', secret: 'a-secret-of-enough-length' },
    });
  });

  it.each([
    [{ CONTACT_LINE_SLA_URGENT_MINUTES: '0' }],
    [{ CONTACT_LINE_SLA_ROUTINE_MINUTES: 'an hour' }],
    [{ CONTACT_LINE_POLL_SECONDS: '-1' }],
    [{ CONTACT_LINE_REQUESTS_PER_MINUTE: '0' }],
    [{ CONTACT_LINE_WEBHOOK_URL: 'https://pager.example.org/ips' }],
  ])('refuses %p', (env) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
  });
});

describe('platform configuration: the key store', () => {
  it('takes KEY_STORE_URL, and has none of its own otherwise', () => {
    expect(configFromEnv({ KEY_STORE_URL: 'postgres://keys.example.org/ips_keys' }).keyStoreUrl).toBe('postgres://keys.example.org/ips_keys');
    expect(configFromEnv({}).keyStoreUrl).toBeUndefined();
  });

  it('is required by a distributed service: every service must open the same keys', async () => {
    await expect(openKeyStore({ dataDir: '/nonexistent' }, 'distributed')).rejects.toThrow(/KEY_STORE_URL/);
  });
});

describe('platform configuration: the embedded engine’s vacuum', () => {
  it('vacuums every minute unless PGLITE_VACUUM_SECONDS says otherwise (0: never)', () => {
    expect(configFromEnv({}).vacuumEveryMs).toBe(60_000);
    expect(configFromEnv({ PGLITE_VACUUM_SECONDS: '300' }).vacuumEveryMs).toBe(300_000);
    expect(configFromEnv({ PGLITE_VACUUM_SECONDS: '0' }).vacuumEveryMs).toBe(0);
  });

  it('refuses anything but a whole number of seconds', () => {
    for (const value of ['-1', '1.5', 'often', '']) expect(() => configFromEnv({ PGLITE_VACUUM_SECONDS: value })).toThrow(ConfigError);
  });
});

describe('platform configuration: the event store of an agency service', () => {
  it('given no EVENT_STORE, when read, then the service keeps its events in PostgreSQL', () => {
    expect(configFromEnv({}).eventStore).toEqual({ kind: 'postgres' });
    expect(configFromEnv({ EVENT_STORE: 'postgres', KURRENTDB_URL: 'kurrentdb://ignored:2113' }).eventStore).toEqual({ kind: 'postgres' });
  });

  it('given EVENT_STORE=kurrentdb and KURRENTDB_URL, when read, then the service keeps its events in that KurrentDB', () => {
    expect(configFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false' }).eventStore).toEqual({
      kind: 'kurrentdb',
      url: 'kurrentdb://kurrentdb:2113?tls=false',
    });
    expect(configFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb+discover://a:2113,b:2113' }).eventStore).toMatchObject({ kind: 'kurrentdb' });
  });

  it.each([
    [{ EVENT_STORE: 'eventstore' }],
    [{ EVENT_STORE: 'Postgres' }],
    [{ EVENT_STORE: 'kurrentdb' }],
    [{ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'postgres://db:5432/events' }],
    [{ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'localhost:2113' }],
  ])('given %p, when read, then ConfigError', (env) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
  });
});

describe('platform configuration: the employer line asking the municipality who is on crisis duty', () => {
  const service = { SERVICE_TOKEN_URL: 'https://idp.example.org/token', SERVICE_CLIENT_ID: 'employer-contact-line', SERVICE_CLIENT_SECRET: 's3cret' };

  it('takes CRISIS_DUTY_URL and the service credentials together, and has neither otherwise', () => {
    const config = configFromEnv({ CRISIS_DUTY_URL: 'http://municipality:3000', ...service });
    expect(config.crisisDutyUrl).toBe('http://municipality:3000');
    expect(config.serviceCredentials).toEqual({ tokenUrl: service.SERVICE_TOKEN_URL, clientId: 'employer-contact-line', clientSecret: 's3cret' });
    expect(configFromEnv({})).not.toHaveProperty('crisisDutyUrl');
    expect(configFromEnv({})).not.toHaveProperty('serviceCredentials');
  });

  it.each([
    [{ CRISIS_DUTY_URL: 'municipality:3000' }],
    [{ SERVICE_TOKEN_URL: service.SERVICE_TOKEN_URL, SERVICE_CLIENT_ID: 'employer-contact-line' }],
    [{ ...service, SERVICE_TOKEN_URL: 'idp.example.org/token' }],
  ])('refuses %p', (env) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
  });
});

describe('platform configuration: the web app', () => {
  const idp = 'https://login.example.org|https://login.example.org/jwks|ips-api';

  it('has the demo sign-in only for the demo team unless DEMO_SIGN_IN says on or off, and no OpenID Connect client', () => {
    expect(configFromEnv({})).toMatchObject({ demoSignIn: 'demo-team', webClients: [] });
    expect(configFromEnv({ DEMO_SIGN_IN: '' }).demoSignIn).toBe('demo-team');
    expect(configFromEnv({ DEMO_SIGN_IN: 'on' }).demoSignIn).toBe('on');
    expect(configFromEnv({ DEMO_SIGN_IN: 'off' }).demoSignIn).toBe('off');
    for (const value of ['yes', 'true', 'ON', 'auto']) expect(() => configFromEnv({ DEMO_SIGN_IN: value })).toThrow(ConfigError);
  });

  it('reads the OpenID Connect clients, with a default scope', () => {
    const env = { AUTH_IDENTITY_PROVIDERS: idp, WEB_OIDC_CLIENTS: 'https://login.example.org|ips-web, https://login.example.org|ips-web2|openid ips' };
    expect(configFromEnv(env).webClients).toEqual([
      { issuer: 'https://login.example.org', clientId: 'ips-web', scope: 'openid profile' },
      { issuer: 'https://login.example.org', clientId: 'ips-web2', scope: 'openid ips' },
    ]);
  });

  it.each([[{ WEB_OIDC_CLIENTS: 'https://login.example.org|ips-web' }], [{ AUTH_IDENTITY_PROVIDERS: idp, WEB_OIDC_CLIENTS: 'https://login.example.org' }]])(
    'refuses a client whose issuer the API does not trust, or without a client id: %p',
    (env) => {
      expect(() => configFromEnv(env)).toThrow(ConfigError);
    },
  );
});

describe('platform configuration: tokens', () => {
  it('lets a token live at most 12 hours unless TOKEN_MAX_LIFETIME_HOURS says otherwise', () => {
    expect(configFromEnv({}).tokenMaxLifetimeHours).toBe(12);
    expect(configFromEnv({ TOKEN_MAX_LIFETIME_HOURS: '1' }).tokenMaxLifetimeHours).toBe(1);
    expect(configFromEnv({ TOKEN_MAX_LIFETIME_HOURS: '0.5' }).tokenMaxLifetimeHours).toBe(0.5);
  });

  it.each(['0', '-1', 'twelve', 'Infinity'])('refuses TOKEN_MAX_LIFETIME_HOURS=%s', (value) => {
    expect(() => configFromEnv({ TOKEN_MAX_LIFETIME_HOURS: value })).toThrow(ConfigError);
  });
});

describe('platform configuration: emergency access', () => {
  it('lasts 4 hours unless EMERGENCY_ACCESS_HOURS says otherwise', () => {
    expect(configFromEnv({}).emergencyAccessHours).toBe(4);
    expect(configFromEnv({ EMERGENCY_ACCESS_HOURS: '2' }).emergencyAccessHours).toBe(2);
    expect(configFromEnv({ EMERGENCY_ACCESS_HOURS: '24' }).emergencyAccessHours).toBe(24);
  });

  it.each(['0', '-1', 'four', '25'])('refuses EMERGENCY_ACCESS_HOURS=%s', (value) => {
    expect(() => configFromEnv({ EMERGENCY_ACCESS_HOURS: value })).toThrow(ConfigError);
  });
});

describe('platform configuration: metrics', () => {
  it('counts and serves GET /metrics to anyone unless METRICS or METRICS_TOKEN say otherwise', () => {
    expect(configFromEnv({}).metrics).toEqual({ enabled: true });
    expect(configFromEnv({ METRICS: 'off' }).metrics).toEqual({ enabled: false });
    expect(configFromEnv({ METRICS: 'on', METRICS_TOKEN: 'a-scraper-token-0123' }).metrics).toEqual({ enabled: true, token: 'a-scraper-token-0123' });
  });

  it('refuses a METRICS that is neither on nor off, and a METRICS_TOKEN too short to keep a guess out', () => {
    expect(() => configFromEnv({ METRICS: 'yes' })).toThrow(ConfigError);
    expect(() => configFromEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => configFromEnv({ METRICS_TOKEN: 'sixteen chars with spaces' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('platform configuration: traces', () => {
  it('traces only when told to, or when there is an OTLP endpoint to send to', () => {
    expect(configFromEnv({}).tracing).toEqual({ enabled: false });
    expect(configFromEnv({ TRACING: 'on' }).tracing).toEqual({ enabled: true });
    expect(configFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toEqual({ enabled: true, endpoint: 'http://collector:4318' });
    expect(configFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', TRACING: 'off' }).tracing).toEqual({
      enabled: false,
      endpoint: 'http://collector:4318',
    });
    expect(configFromEnv({ TRACING: 'on', OTEL_SERVICE_NAME: 'ips-welfare-office-oslo' }).tracing).toEqual({
      enabled: true,
      serviceName: 'ips-welfare-office-oslo',
    });
  });

  it('refuses a TRACING that is neither on nor off, and an endpoint that is not an http(s) URL', () => {
    expect(() => configFromEnv({ TRACING: 'yes' })).toThrow(/TRACING/);
    expect(() => configFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});

describe('platform configuration: logs and readiness', () => {
  it('takes LOG_LEVEL, and leaves it to the logger (info; warn under Jest) otherwise', () => {
    expect(configFromEnv({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(configFromEnv({}).logLevel).toBeUndefined();
    expect(() => configFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
  });

  it('gives a consumer 60 s behind its source before the service is not ready, and any number of messages unless told', () => {
    expect(configFromEnv({}).healthLagBudget).toEqual({ seconds: 60 });
    expect(configFromEnv({ HEALTH_LAG_BUDGET_SECONDS: '120', HEALTH_LAG_BUDGET_EVENTS: '5000' }).healthLagBudget).toEqual({ seconds: 120, events: 5000 });
    expect(() => configFromEnv({ HEALTH_LAG_BUDGET_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => configFromEnv({ HEALTH_LAG_BUDGET_EVENTS: 'many' })).toThrow(ConfigError);
  });
});
