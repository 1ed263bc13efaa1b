import { fidelityFor } from '@ips/fidelity';
import { OutcomeTally, outcomesOf, parseQuarter } from './outcomes';
import { quarterlyReportHtml } from './quarterly-report';
import { REPORT_CATALOGUES, REPORT_LANGUAGES, ReportKey, ReportLanguage, SAME_AS_NB, reportLanguageOf } from './report-language';

const quarter = parseQuarter('2026-Q1') as NonNullable<ReturnType<typeof parseQuarter>>;
const tally = Object.assign(new OutcomeTally(), { served: 18, employed: 8, firstStarts: 3, laterStarts: 1, steady: 6 });
tally.daysToFirstJob.push(60, 74, 90);
tally.hours.push(20, 19);
tally.wages.push(228.5, 230);
const report = (lang: ReportLanguage) =>
  quarterlyReportHtml({
    outcomes: outcomesOf(tally, quarter),
    fidelity: fidelityFor(new Map(), { period: { from: '2026-01-01', to: '2026-03-31' }, team: null }),
    review: null,
    team: 'IPS Trondheim sentrum',
    specialist: 'es-ingrid',
    generatedAt: '2026-03-02T09:00:00.000Z',
    lang,
  });

describe('the printable reports’ catalogues', () => {
  const keys = Object.keys(REPORT_CATALOGUES.nb).sort();

  it.each(REPORT_LANGUAGES)('%s has every key, each with words, and the same placeholders as nb', (lang) => {
    const catalogue = REPORT_CATALOGUES[lang];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys as ReportKey[]) {
      expect({ key, blank: catalogue[key].trim() === '' }).toEqual({ key, blank: false });
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect({ key, placeholders: placeholders(catalogue[key]) }).toEqual({ key, placeholders: placeholders(REPORT_CATALOGUES.nb[key]) });
    }
  });

  it.each(['sv', 'en'] as const)('%s is translated: no entry equals bokmål’s but the allowed ones, and every allowed one does', (lang) => {
    const same = (Object.keys(REPORT_CATALOGUES.nb) as ReportKey[]).filter((key) => REPORT_CATALOGUES[lang][key] === REPORT_CATALOGUES.nb[key]);
    expect(same.sort()).toEqual([...SAME_AS_NB[lang]].sort());
  });
});

describe('the report’s language', () => {
  it('is lang when given, else the first of Accept-Language a report is written in, else English (as before it had languages)', () => {
    expect(reportLanguageOf('sv', 'en')).toBe('sv');
    expect(reportLanguageOf(undefined, 'de-DE, en-GB;q=0.8, sv;q=0.9')).toBe('sv');
    expect(reportLanguageOf(undefined, 'nn-NO, en;q=0.5')).toBe('nb');
    expect(reportLanguageOf(undefined, 'fr, nb;q=0')).toBe('en');
    expect(reportLanguageOf(undefined, undefined)).toBe('en');
  });

  it.each(['de', 'NB', '', 'no'])('refuses lang=%j with 400 REQUEST.INVALID_QUERY', (lang) => {
    expect(() => reportLanguageOf(lang, undefined)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 400, code: 'REQUEST.INVALID_QUERY' }) }),
    );
  });
});

describe('the printable quarterly report', () => {
  it('is in norsk bokmål: words, decimal comma, dates', () => {
    const html = report('nb');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('IPS-kvartalsrapport: 2026-Q1');
    expect(html).toContain('IPS Trondheim sentrum, deltakerne til es-ingrid');
    expect(html).toContain('<th>Andel i arbeid</th><td>44,4 %</td><td>middels (referanseverdier 31 % / 41 % / 50 %)</td>');
    expect(html).toContain('<th>Timelønn (gjennomsnitt)</th><td>229,3</td>');
    expect(html).toContain('2. mars 2026');
    expect(html).not.toMatch(/Outcomes|Employment rate|generated|caseload/);
    expect(html).toContain('<th>V13 arbeid ute i samfunnet</th>');
  });

  it('is in svenska and in English when asked', () => {
    const sv = report('sv');
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('<th>Dagar från inskrivning till första arbete (median)</th><td>74</td>');
    expect(sv).toContain('<th>Timlön (medelvärde)</th><td>229,3</td>');
    expect(sv).toContain('2 mars 2026');
    const en = report('en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<th>Employment rate</th><td>44.4 %</td><td>average (benchmarks 31 % / 41 % / 50 %)</td>');
    expect(en).toContain('2 Mar 2026');
  });
});
