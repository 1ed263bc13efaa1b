export * from './postgres-event-store.adapter';
export * from './event-store.migrations';
