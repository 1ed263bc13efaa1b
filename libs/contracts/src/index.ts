export * from './agencies';
export * from './schema';
export * from './shared-event';
export * from './registry';
export * from './welfare-office/participant-referred.v1';
export * from './welfare-office/participant-enrolled.v1';
