export * from './field-cipher';
export * from './key-store';
export * from './personal-data';
