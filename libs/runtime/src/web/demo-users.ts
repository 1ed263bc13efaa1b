import { PrincipalKind } from '@ips/access';

/** A person of the demo team (embedded profile): who signs in, as which agency and role. */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly agency: PrincipalKind extends `${infer A}/${string}` ? A : never;
  readonly role: PrincipalKind extends `${string}/${infer R}` ? R : never;
  readonly participantId?: string;
  readonly employerId?: string;
  /** An employer's placements, by job title: what tells demo employers apart (names live in the employer service). */
  readonly jobTitles?: readonly string[];
}

/**
 * The demo's staff. `npm run seed` puts them on two IPS teams (IPS Trondheim sentrum: Ingrid, Jonas, Ola, Siri, Maren,
 * Per, Nina, Kjersti; IPS Lerkendal: Amira, Hanne, Erik, Jon, Leila) and gives the specialists their caseloads under
 * these ids. Hege and Tobias are on no team yet (the administrator names Hege a supervisor of a new team, and she adds
 * Tobias); Astrid administers the programme (defines teams, names supervisors) and Rune coordinates it (figures across
 * teams, no participant).
 */
export const DEMO_STAFF: readonly DemoUser[] = [
  { id: 'es-ingrid', name: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist' },
  { id: 'es-jonas', name: 'Jonas Berg', agency: 'welfare-office', role: 'employment-specialist' },
  { id: 'es-amira', name: 'Amira Haddad', agency: 'welfare-office', role: 'employment-specialist' },
  { id: 'es-tobias', name: 'Tobias Lien', agency: 'welfare-office', role: 'employment-specialist' },
  { id: 'cw-ola', name: 'Ola Nilsen', agency: 'welfare-office', role: 'caseworker' },
  { id: 'cw-hanne', name: 'Hanne Vik', agency: 'welfare-office', role: 'caseworker' },
  { id: 'sup-siri', name: 'Siri Lund', agency: 'welfare-office', role: 'supervisor' },
  { id: 'sup-erik', name: 'Erik Strand', agency: 'welfare-office', role: 'supervisor' },
  { id: 'sup-hege', name: 'Hege Moen', agency: 'welfare-office', role: 'supervisor' },
  { id: 'dr-lie', name: 'Maren Lie', agency: 'mental-health', role: 'clinician' },
  { id: 'dr-aune', name: 'Jon Aune', agency: 'mental-health', role: 'clinician' },
  { id: 'sup-dahl', name: 'Per Dahl', agency: 'mental-health', role: 'supervisor' },
  { id: 'mw-nina', name: 'Nina Aas', agency: 'municipality', role: 'municipal-worker' },
  { id: 'mw-leila', name: 'Leila Karimi', agency: 'municipality', role: 'municipal-worker' },
  { id: 'sup-moe', name: 'Kjersti Moe', agency: 'municipality', role: 'supervisor' },
  { id: 'adm-astrid', name: 'Astrid Holm', agency: 'programme', role: 'administrator' },
  { id: 'koord-rune', name: 'Rune Fossum', agency: 'programme', role: 'coordinator' },
];
