export * from './group-commit';
export * from './polling-worker';
export * from './uuid-v7';
