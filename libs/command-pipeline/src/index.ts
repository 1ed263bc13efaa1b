export * from './command-pipeline';
export * from './nest-commands';
export * from './reaction';
