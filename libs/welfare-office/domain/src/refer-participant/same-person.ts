/** What a referral says about who the person is: enough to notice a second referral of the same person. */
export interface PersonNamed {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
}

/** A name as people type it: Unicode-compatible form, lower case, single spaces, no spaces at either end. */
const normalisedName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * The person a referral names, the same however the names were cased or spaced: what the welfare office's duplicate
 * check hashes (with its own key) before it keeps or compares anything. Never stored as it is.
 */
export const samePersonKey = (person: PersonNamed): string =>
  [normalisedName(person.givenName), normalisedName(person.familyName), person.birthDate].join('\n');
