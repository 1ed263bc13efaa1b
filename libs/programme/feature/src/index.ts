export * from './programme.module';
export * from './team.slice';
