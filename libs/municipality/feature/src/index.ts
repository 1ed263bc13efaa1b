export * from './municipality.module';
export * from './participant-services.slice';
export * from './crisis-rota.slice';
