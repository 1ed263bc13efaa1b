export * from './welfare-office.module';
export * from './participant.slice';
export * from './team-registry.port';
