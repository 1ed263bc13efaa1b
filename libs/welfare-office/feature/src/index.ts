export * from './welfare-office.module';
export * from './participant.slice';
