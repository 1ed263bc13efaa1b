export * from './welfare-office.module';
export * from './participant.slice';
export * from './team-registry.port';
export { REFERRAL_CHECK_KEY } from './refer-participant/referral-fingerprints';
