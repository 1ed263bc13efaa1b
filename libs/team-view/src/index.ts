export * from './team-view.module';
export * from './team-view.tokens';
export * from './team-view.migrations';
export * from './team-view.projector';
export * from './participant-record';
export * from './participant-summary/participant-summary.evolve';
export * from './fidelity/fidelity-anchors';
export * from './fidelity/fidelity-anchors-doc';
