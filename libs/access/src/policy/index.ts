export * from './access-policy';
export * from './access-policy-doc';
export * from './policy-lookup';
export * from './policy-row';
export * from './relations';
