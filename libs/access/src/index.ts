export * from './principal';
export * from './signing-key';
export * from './token-verifier';
export * from './visibility.policy';
export * from './auth.guard';
export * from './command-metadata';
export * from './policy';
export * from './work-need';
