// What the engineer on call reads: metrics (prom-client), traces (OpenTelemetry) and logs (pino), decision 41.
export * from './metrics';
export * from './tracing';
export * from './logging';
