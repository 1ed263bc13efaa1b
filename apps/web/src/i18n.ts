import { createContext, useContext } from 'react';
import { en } from './messages/en';
import { Messages, nb } from './messages/nb';
import { sv } from './messages/sv';

export type { Messages };
export type Language = 'nb' | 'sv' | 'en';
export const LANGUAGES: readonly { code: Language; name: string; locale: string }[] = [
  { code: 'nb', name: 'Norsk bokmål', locale: 'nb-NO' },
  { code: 'sv', name: 'Svenska', locale: 'sv-SE' },
  { code: 'en', name: 'English', locale: 'en-GB' },
];
const CATALOGUES: Record<Language, Messages> = { nb, sv, en };

export interface I18n {
  readonly language: Language;
  readonly m: Messages;
  /** A message with `{name}` placeholders filled in. */
  readonly t: (message: string, values?: Record<string, string | number>) => string;
  /** A label from one of the catalogue's tables (event types, phases, alert codes, …); the key itself when unknown. */
  readonly label: (table: keyof Messages, key: string) => string;
  readonly date: (value: string | null | undefined) => string;
  readonly dateTime: (value: string | null | undefined) => string;
  /** An instant's time of day (HH:MM) in the reader's own time zone. */
  readonly time: (value: string | null | undefined) => string;
  readonly number: (value: number) => string;
}

const fill = (message: string, values: Record<string, string | number> = {}): string =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export function i18nFor(language: Language): I18n {
  const m = CATALOGUES[language];
  const locale = LANGUAGES.find((entry) => entry.code === language)?.locale ?? 'nb-NO';
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    language,
    m,
    t: fill,
    label: (table, key) => {
      const entries = m[table] as unknown;
      return typeof entries === 'object' && entries !== null && key in entries ? String((entries as Record<string, string>)[key]) : key;
    },
    // A calendar date (YYYY-MM-DD) is the same day everywhere; an instant is shown in the reader's own time zone.
    date: (value) => (value ? dateFormat.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : '–'),
    dateTime: (value) => (value ? dateTimeFormat.format(new Date(value)) : '–'),
    time: (value) => (value ? timeFormat.format(new Date(value)) : '–'),
    number: (value) => numberFormat.format(value),
  };
}

export const initialLanguage = (): Language => {
  const stored = localStorage.getItem('ips.language');
  return stored === 'sv' || stored === 'en' || stored === 'nb' ? stored : 'nb';
};

export const I18nContext = createContext<I18n & { setLanguage: (language: Language) => void }>({
  ...i18nFor('nb'),
  setLanguage: () => undefined,
});
export const useI18n = () => useContext(I18nContext);
