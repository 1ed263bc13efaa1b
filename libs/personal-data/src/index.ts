export * from './field-cipher';
export * from './key-store';
