// What the engineer on call reads: metrics (prom-client), traces (OpenTelemetry) and logs (pino), decision 41.
export * from './metrics';
export * from './metrics-http';
export * from './tracing';
export * from './tracing-http';
export * from './logging';
