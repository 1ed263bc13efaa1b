export * from './databases';
export * from './participant-events';
export * from './team-events';
export * from './team-directory-test.module';
