export * from './command-pipeline';
export * from './use-case-command';
export * from './reaction';
