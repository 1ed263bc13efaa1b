/// <reference types="jest" />
import { en } from './en';
import { nb } from './nb';
import { sv } from './sv';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

/** The kinds of field problem the API names (libs/http: the web app's type check does not reach the libraries). */
const { FIELD_PROBLEM_CODES } = jest.requireActual<{ FIELD_PROBLEM_CODES: readonly string[] }>('../../../../libs/http/src/problem');

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

/**
 * Texts that are the same in norsk bokmål and the other language (checked by a person, not a slip): a text may equal
 * nb's only when it is one of these, or holds nothing to translate (placeholders and punctuation only).
 */
const SAME_AS_NB: Readonly<Record<'sv' | 'en', readonly string[]>> = {
  sv: [
    'IPS-teamet',
    'IPS-team',
    'Nytt IPS-team',
    'IPS-programmet',
    'Språk',
    'Team',
    'Team: {team}',
    'Nytt team',
    'kommunen',
    'Jobbstart',
    'Kontaktperson',
    'Kontaktperson i kommunen',
    'Fast kontaktperson',
    'Kontakt med',
    'Tidslinje',
    'Telefon',
    'telefon',
    'E-post',
    'e-post',
    'video',
    'Behandlingsteam',
    'Handlingsplan',
    'Min handlingsplan',
    'Mål',
    'Nivå',
    'Form',
    'Medlem',
    'ingen',
    'vanlig',
    'Per {date}',
    'Status',
    'Utfall',
    'Avbryt',
    'Hos: {who}',
    'på kontoret',
    '{kind} med {employer}, {date}',
    '{score} av 5',
    'god IPS',
    'Generalister',
    'IPS-enhet',
    'Jobbstarter',
    'Jobbtyper',
    'ja',
    'Kvartal',
    'Punkt',
    'Total',
  ],
  en: ['Team', 'Team: {team}', 'Status', 'video', 'Total'],
};

/** Nothing to translate: placeholders, spaces and punctuation only. */
const nothingToTranslate = (text: string): boolean => text.replace(/\{\w+\}/g, '').replace(/[\s,.:;–()/-]/g, '') === '';

describe('the web app’s catalogues', () => {
  const norwegian = leaves(nb as unknown as Tree);

  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('%s has every key of nb, each really translated, with the same placeholders', (language, catalogue) => {
    const other = leaves(catalogue as unknown as Tree);
    expect([...norwegian.keys()].filter((key) => !other.has(key))).toEqual([]);
    expect([...other.keys()].filter((key) => !norwegian.has(key))).toEqual([]);
    const allowed = new Set(SAME_AS_NB[language]);
    const untranslated = [...norwegian]
      .filter(([key, text]) => other.get(key) === text && !nothingToTranslate(text) && !allowed.has(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
    const placeholderMismatch = [...norwegian]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(other.get(key) ?? '')))
      .map(([key]) => key);
    expect(placeholderMismatch).toEqual([]);
  });

  it('has no empty text in any language', () => {
    for (const catalogue of [nb, sv, en])
      expect([...leaves(catalogue as unknown as Tree)].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('words every kind of field problem the API names', () => {
    for (const catalogue of [nb, sv, en]) expect(FIELD_PROBLEM_CODES.filter((code) => !(code in catalogue.validation))).toEqual([]);
  });
});
