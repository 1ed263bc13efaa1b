import { SqlDriver } from '@ips/postgres';

/**
 * The employer service's own SQL database, where the contact line keeps its read models and its checkpoint: the one its
 * runtime gives it (`SERVICE_DATABASE`), whichever store holds its events (decision 5).
 */
export const EMPLOYER_STORE = Symbol('EMPLOYER_STORE');
export interface ContactLineDatabase {
  readonly driver: SqlDriver;
}
/** The employer service's own events as a source (`RecordSource<RecordedEvent>`), from its event store. */
export const EMPLOYER_EVENTS = Symbol('EMPLOYER_EVENTS');
/** The contact line's configuration (ContactLineConfig). */
export const CONTACT_LINE_CONFIG = Symbol('CONTACT_LINE_CONFIG');
