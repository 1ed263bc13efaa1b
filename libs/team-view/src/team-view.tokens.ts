/** The SqlDriver of the team view's own database (projections, audit log). */
export const TEAM_VIEW_DB = Symbol('TEAM_VIEW_DB');

/** How many hours an emergency access lasts when its end is left out (EMERGENCY_ACCESS_HOURS, default 4). */
export const EMERGENCY_ACCESS_HOURS = Symbol('EMERGENCY_ACCESS_HOURS');
