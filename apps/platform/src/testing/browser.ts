import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, Page, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); never a browser downloaded at run time. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Without these Chromium reaches for Google's services, and on a closed network its own connections are refused. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Browser suites: skipped when Chromium is missing, except in CI (`CI=true`), where they fail instead. */
export function describeWithChromium(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
  } else if (process.env['CI']) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`CI must run this suite; missing: ${CHROMIUM} (apt-get install -y chromium)`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: needs ${CHROMIUM}, apt-get install -y chromium)`, () => {
      it('runs in Chromium', () => undefined);
    });
  }
}

/** One headless Chromium (playwright-core launches it with a fresh profile of its own). */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** axe-core on the page as it is now: the serious and critical violations, as `rule: target…` lines (empty is good). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export const SCREENSHOTS = path.resolve(__dirname, '../../../../docs/screenshots');

/** A full-page screenshot for the README, written to docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
