// The port only: adapters have their own entry points (`@ips/event-store/postgres`, `@ips/event-store/kurrentdb`),
// so code that only needs the port does not load (or depend on) a database client. Guarded by entry-points.unit.spec.ts.
export * from './event-store.port';
export * from './event-store.errors';
export * from './record-source.port';
export * from './recorded-of';
