import { ContactLineConfig } from './contact-line/contact-line.config';

export interface EmployerConfig {
  /** What counts as an ordinary hourly wage where the team works: a placement below it is not competitive work. */
  readonly minimumHourlyWage: number;
  /** The 24/7 contact line; defaults in `defaultContactLineConfig`. */
  readonly contactLine?: Partial<ContactLineConfig>;
}

export const EMPLOYER_CONFIG = Symbol('EMPLOYER_CONFIG');
