export * from './demo-team';
export * from './demo-users';
export * from './web-app';
export * from './web-config';
export * from './web.module';
