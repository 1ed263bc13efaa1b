export * from './mental-health.module';
export * from './participant-care.slice';
export * from './mental-health.reaction';
