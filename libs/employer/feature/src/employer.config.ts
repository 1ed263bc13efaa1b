export interface EmployerConfig {
  /** What counts as an ordinary hourly wage where the team works: a placement below it is not competitive work. */
  readonly minimumHourlyWage: number;
}

export const EMPLOYER_CONFIG = Symbol('EMPLOYER_CONFIG');
