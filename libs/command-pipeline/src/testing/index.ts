export * from './feature-test-app';
