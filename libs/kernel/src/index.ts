export * from './decider';
export * from './stream-id';
export * from './clock';
export * from './outcome';
