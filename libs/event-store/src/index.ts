export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.migrations';
export * from './postgres-event-store.adapter';
export * from './kurrentdb/kurrentdb-event-store.adapter';
export * from './record-source.port';
