/** The employer service's own PostgresEventStore: the contact line subscribes to it and keeps its read models beside it. */
export const EMPLOYER_STORE = Symbol('EMPLOYER_STORE');
/** The contact line's configuration (ContactLineConfig). */
export const CONTACT_LINE_CONFIG = Symbol('CONTACT_LINE_CONFIG');
