import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { markDemoTeam } from '@ips/runtime';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';
import { describeWithChromium, launchChromium, screenshot, seriousViolations } from './testing/browser';
import { PlatformHarness } from './testing/platform-harness';

/** Builds apps/web when a source is newer than its bundle (as `npm start` does), so the test sees the current app. */
const ensureWebBundle = (): void => {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../../tools/web-bundle.js')], { stdio: 'inherit' });
};

/**
 * The supervisors' fidelity and outcomes screens in Debian's Chromium against the embedded platform with the demo
 * team: the IPS-25 items computed from events with the participants behind them, a fidelity review scored (by
 * keyboard too) and completed, the quarters' outcomes against the benchmarks with the chart and the printable report.
 * Every screen is checked with axe-core and photographed for the README.
 */
describeWithChromium('fidelity and outcomes in the browser', () => {
  jest.setTimeout(180_000);
  let harness: PlatformHarness;
  let browser: Browser;
  let page: Page;

  const expectAccessible = async (): Promise<void> => expect(await seriousViolations(page)).toEqual([]);
  const newContext = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo', acceptDownloads: true });
  /** The element that has the keyboard focus, as `tag: text`. */
  const focused = (): Promise<string> =>
    page.evaluate("`${document.activeElement?.tagName.toLowerCase()}: ${(document.activeElement?.textContent ?? '').trim().slice(0, 80)}`");

  beforeAll(async () => {
    ensureWebBundle();
    [harness, browser] = await Promise.all([PlatformHarness.start(), launchChromium()]);
    await seedDemoTeam(await httpSend(harness.platform.url, harness.config.dataDir), harness.clock.now());
    await harness.platform.settled();
    await markDemoTeam(harness.config.dataDir);
    page = await (await newContext()).newPage();
    await page.goto(`${harness.platform.url}/`);
    await page.getByLabel('Demobruker').selectOption('sup-siri');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('fidelity: the items computed from events, each with its figures and the participants behind it, paged', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Fidelitet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fidelitet' }).waitFor();
    const summary = page.getByTestId('fidelity-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^\d+ av 25 punkter har skår\. Sum så langt: \d+\./);
    // The period is the platform's (90 days up to its today), shown in the fields.
    expect(await page.getByRole('form', { name: 'Periode og team' }).getByLabel('Til og med').inputValue()).toBe(
      harness.clock.now().toISOString().slice(0, 10),
    );

    // S1, the caseload: its score, figures and the team's participants, ten at a time.
    const caseload = page.locator('.fidelity-item', { hasText: 'Saksmengde' });
    await caseload.locator('summary').first().click();
    expect(await caseload.locator('summary').first().textContent()).toMatch(/S1 Saksmengde.*\d av 5/);
    await caseload.getByText('Aktive deltakere', { exact: true }).waitFor();
    const drivers = caseload.locator('.fidelity-drivers > li');
    expect(await drivers.count()).toBe(10);
    expect(await drivers.first().getByRole('link').textContent()).toMatch(/^\p{L}+ \p{L}+$/u);
    const more = caseload.getByRole('button', { name: 'Vis flere deltakere for S1 Saksmengde' });
    await more.focus();
    await page.keyboard.press('Enter');
    await drivers.nth(10).waitFor();
    expect(await drivers.count()).toBeGreaterThan(10);
    // The first participant added takes the focus, so a keyboard user carries on where the new ones start.
    expect(await page.evaluate("document.activeElement?.closest('.fidelity-drivers') !== null")).toBe(true);
    // Items only a reviewer can score say so.
    const executive = page.locator('.fidelity-item', { hasText: 'Ledelsens støtte' });
    expect(await executive.locator('summary').first().textContent()).toContain('ingen skår');
    await expectAccessible();
    await screenshot(page, 'fidelity');

    // A period ending after the platform's today: the API's 400, said at the field in the reader's language.
    const period = page.getByRole('form', { name: 'Periode og team' });
    const today = await period.getByLabel('Til og med').inputValue();
    await period.getByLabel('Til og med').fill('2099-12-31');
    await period.getByRole('button', { name: 'Vis' }).click();
    await period.getByText('Skriv en gyldig dato som ikke er etter i dag.').waitFor();
    expect(await period.getByLabel('Til og med').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible();
    await period.getByLabel('Til og med').fill(today);
    await period.getByRole('button', { name: 'Vis' }).click();
    await summary.waitFor();
    expect(await period.getByLabel('Til og med').getAttribute('aria-invalid')).toBeNull();
  });

  it('fidelity review: opened, problems shown at the fields in the reader’s language, scored by keyboard, completed', async () => {
    const form = page.getByRole('form', { name: 'Ny gjennomgang' });
    expect(await form.getByLabel(/Fagrevisorer/).inputValue()).toBe('sup-siri');
    await form.getByRole('button', { name: 'Opprett gjennomgangen' }).click();
    const review = page.locator('.fidelity-review');
    const heading = review.getByRole('heading', { level: 3, name: /^Gjennomgang / });
    await heading.waitFor();
    // The review opened takes the focus.
    expect(await focused()).toMatch(/^h3: Gjennomgang /);
    await page.getByRole('table').getByRole('cell', { name: 'åpen' }).first().waitFor();

    // Completing too early: the API's 409 in Norwegian.
    await review.getByRole('button', { name: 'Fullfør gjennomgangen' }).click();
    await review.getByText('Alle 25 punkter må ha skår før gjennomgangen kan fullføres.').waitFor();

    // Saving without a score or a note: each problem at its field, in English once the reader chooses English.
    await page.getByLabel('Språk').selectOption('en');
    const o2 = review.getByRole('form', { name: 'O2 Team contact' });
    await o2.getByRole('button', { name: 'Save the score' }).click();
    await o2.getByText('Choose a score from 1 to 5.').waitFor();
    await o2.getByText('Write a note of at most 2000 characters.').waitFor();
    expect(await o2.getByLabel(/^Note/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Language').selectOption('nb');

    // O2 by keyboard: the first score, arrows to 4, the note, then the button.
    const teamContact = review.getByRole('form', { name: 'O2 Samarbeid med behandlingsteamet' });
    await teamContact.getByRole('radio', { name: '1' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await teamContact.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ukentlige teammøter med felles beslutninger; referater sett for 10 av 12 uker.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button: Lagre skåren');
    await page.keyboard.press('Enter');
    // Saved: the form closes, and the focus is on the button that opens it again.
    await review.locator('[data-item="O2"]').getByText('Lagret.').waitFor();
    await review.locator('[data-item="O2"]').getByText('4 av 5').waitFor();
    expect(await focused()).toBe('button: Endre skåren');

    // The other items without a score: 3 each.
    for (;;) {
      const open = review.locator('.fidelity-review-item.missing .fidelity-score-form');
      if ((await open.count()) === 0) break;
      const next = open.first();
      const item = (await next.locator('xpath=ancestor::li[1]').getAttribute('data-item')) as string;
      await next.getByRole('radio', { name: '3' }).check();
      await next.getByLabel(/^Notat/).fill(`Vurdert i gjennomgangen (${item}).`);
      await next.getByRole('button', { name: 'Lagre skåren' }).click();
      await review.locator(`[data-item="${item}"]:not(.missing)`).waitFor();
    }
    await review.getByText('Alle 25 punkter har skår. Gjennomgangen kan fullføres.').waitFor();
    await expectAccessible();
    await screenshot(page, 'fidelity-review');
    await review.getByRole('button', { name: 'Fullfør gjennomgangen' }).click();
    await review.getByText(/^Fullført .*: \d+ av 125 – (forbilledlig IPS|god IPS|akseptabel IPS|ikke IPS)\.$/).waitFor();
    await page.getByRole('table').getByRole('cell', { name: 'fullført' }).first().waitFor();
    await expectAccessible();
  });

  it('outcomes: the quarter against the benchmarks, the employment rate over eight quarters as a chart and a table, the printable report', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Resultater' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultater' }).waitFor();
    const chart = page.getByRole('img', { name: 'Andel i arbeid de siste 8 kvartalene' });
    await chart.waitFor();
    expect(await page.getByTestId('employment-rate').textContent()).toMatch(/^\d+([,.]\d)?\s?%$/);
    const table = page.getByRole('table', { name: 'Andel i arbeid per kvartal (tabell)' });
    expect(await table.locator('tbody tr').count()).toBe(8);
    const current = `${harness.clock.now().getUTCFullYear()}-Q${Math.floor(harness.clock.now().getUTCMonth() / 3) + 1}`;
    await page.getByRole('heading', { name: `Tall for ${current}` }).waitFor();
    // The quarter before, chosen by keyboard.
    await page.getByLabel('Kvartal', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page
      .getByRole('heading', { name: /^Tall for \d{4}-Q\d$/ })
      .filter({ hasNotText: current })
      .waitFor();
    await page.getByLabel('Kvartal', { exact: true }).selectOption(current);

    // The printable report, in the reader's language: fetched with the session and saved as a file.
    const report = page.getByRole('link', { name: `Last ned utskriftsvennlig rapport for ${current}` });
    expect(await report.getAttribute('href')).toBe(`/team-view/outcomes/report?quarter=${current}&lang=nb`);
    const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
    expect(download.suggestedFilename()).toBe(`ips-report-${current}.html`);
    const html = await readFile((await download.path()) as string, 'utf8');
    expect(html).toContain(current);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<html lang="nb"/);
    await page.getByText('Rapporten er lastet ned.').waitFor();
    await expectAccessible();
    await screenshot(page, 'outcomes');
  });

  it('programme coordinator: every team side by side, small cells hidden, no participant named', async () => {
    const context = await newContext();
    const coordinator = await context.newPage();
    await coordinator.goto(`${harness.platform.url}/`);
    await coordinator.getByLabel('Demobruker').selectOption('koord-rune');
    await coordinator.getByRole('button', { name: 'Logg inn', exact: true }).click();
    const nav = coordinator.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Fidelitet' }).click();
    const items = coordinator.getByRole('table', { name: /^Skår per punkt og team, / });
    await items.waitFor();
    expect(await items.getByRole('columnheader').allTextContents()).toEqual(['Punkt', 'IPS Lerkendal', 'IPS Trondheim sentrum', 'Alle team']);
    await items.getByRole('rowheader', { name: 'S1 Saksmengde' }).waitFor();
    expect(await coordinator.locator('.fidelity-drivers').count()).toBe(0);
    expect(await seriousViolations(coordinator)).toEqual([]);

    await nav.getByRole('link', { name: 'Resultater' }).click();
    const current = `${harness.clock.now().getUTCFullYear()}-Q${Math.floor(harness.clock.now().getUTCMonth() / 3) + 1}`;
    const figures = coordinator.getByRole('table', { name: `Tall for ${current} per team` });
    await figures.waitFor();
    await figures.getByRole('rowheader', { name: 'Andel i arbeid' }).waitFor();
    await coordinator.getByRole('img', { name: 'Andel i arbeid de siste 8 kvartalene' }).waitFor();
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: `Last ned utskriftsvennlig rapport for ${current}` }).click(),
    ]);
    expect(await readFile((await download.path()) as string, 'utf8')).toContain(current);
    expect(await seriousViolations(coordinator)).toEqual([]);
    await screenshot(coordinator, 'outcomes-programme');
    await context.close();
  });
});
