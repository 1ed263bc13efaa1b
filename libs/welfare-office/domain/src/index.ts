export * from './participant/participant.events';
export * from './participant/participant.state';
export * from './participant/participant.errors';
export * from './participant/to-shared-events';
export * from './refer-participant/refer-participant.decide';
export * from './enrol-participant/enrol-participant.decide';
