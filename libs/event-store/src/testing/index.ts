export * from './event-store.contract';
export * from './event-store-port.contract';
