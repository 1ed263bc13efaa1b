export * from './group-commit';
export * from './batched-lookup';
export * from './polling-worker';
export * from './uuid-v7';
export * from './uuid-v5';
export * from './random-pool';
export * from './keyed-queue';
export * from './time-zone';
