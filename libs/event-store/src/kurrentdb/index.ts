export * from './kurrentdb-event-store.adapter';
