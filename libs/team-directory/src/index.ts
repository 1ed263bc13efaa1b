export * from './participant-directory.backfill';
export * from './participant-directory.projection';
export * from './team-day';
export * from './team-directory';
export * from './team-directory.consumer';
export * from './team-directory.migrations';
export * from './team-directory.module';
export * from './team-directory.projection';
