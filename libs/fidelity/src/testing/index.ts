export * from './fidelity-events';
