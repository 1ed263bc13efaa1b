export * from './in-memory-team-registry';
