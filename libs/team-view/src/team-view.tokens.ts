/** The SqlDriver of the team view's own database (projections, audit log). */
export const TEAM_VIEW_DB = Symbol('TEAM_VIEW_DB');
