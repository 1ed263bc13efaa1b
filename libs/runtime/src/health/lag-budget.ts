/** How far behind its source a consumer of the bus may be while its service still counts as ready. */
export interface LagBudget {
  /** Seconds since it first fell behind (HEALTH_LAG_BUDGET_SECONDS). */
  readonly seconds: number;
  /** Messages not yet applied (HEALTH_LAG_BUDGET_EVENTS); unbounded when left out. */
  readonly events?: number;
}

export const DEFAULT_LAG_BUDGET: LagBudget = { seconds: 60 };
