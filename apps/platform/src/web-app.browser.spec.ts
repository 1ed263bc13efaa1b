import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { markDemoTeam } from '@ips/runtime';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';
import { describeWithChromium, launchChromium, screenshot, seriousViolations } from './testing/browser';
import { PlatformHarness } from './testing/platform-harness';
import { TestIdentityProvider, startTestIdentityProvider } from './testing/test-identity-provider';

/** Builds apps/web when a source is newer than its bundle (as `npm start` does), so the test sees the current app. */
const ensureWebBundle = (): void => {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../../tools/web-bundle.js')], { stdio: 'inherit' });
};

/**
 * The team's web app in Debian's Chromium against the embedded platform with the demo team: one platform, one
 * browser, a page per person. Every screen is checked with axe-core and photographed for the README.
 */
describeWithChromium('web app in the browser', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  let browser: Browser;
  let idp: TestIdentityProvider;
  let participantId = '';
  let participantName = '';
  let employerId = '';
  const pages: Record<string, Page> = {};

  const open = async (who: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const page = await context.newPage();
    pages[who] = page;
    return page;
  };
  const signIn = async (page: Page, userId: string): Promise<void> => {
    await page.goto(`${harness.platform.url}/`);
    await page.getByLabel('Demobruker').selectOption(userId);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  };
  const expectAccessible = async (page: Page): Promise<void> => expect(await seriousViolations(page)).toEqual([]);

  beforeAll(async () => {
    ensureWebBundle();
    // Besides the demo sign-in, an identity provider the web app signs in with (authorization code + PKCE).
    idp = await startTestIdentityProvider({ sub: 'cw-kari', name: 'Kari Veileder', agency: 'welfare-office', role: 'caseworker' });
    [harness, browser] = await Promise.all([
      PlatformHarness.start(undefined, {
        identityProviders: [{ issuer: idp.issuer, jwksUrl: idp.jwksUrl, audience: idp.audience }],
        webClients: [{ issuer: idp.issuer, clientId: idp.clientId, scope: 'openid profile' }],
      }),
      launchChromium(),
    ]);
    // Before the demo team is in, the sign-in page says how to turn the demo sign-in on for a try-out.
    const before = await browser.newPage();
    await before.goto(`${harness.platform.url}/`);
    await before.getByRole('heading', { name: 'Vil du prøve appen?' }).waitFor();
    expect(await before.getByText('npm run seed', { exact: true }).isVisible()).toBe(true);
    expect(await before.getByLabel('Demobruker').count()).toBe(0);
    await before.close();
    await seedDemoTeam(await httpSend(harness.platform.url, harness.config.dataDir), harness.clock.now());
    await harness.platform.settled();
    await markDemoTeam(harness.config.dataDir); // as npm run seed does: the demo sign-in turns on
    // Someone in work whose employer was told, with a treatment team and no flag yet: the flag must reach the
    // caseworker and the participant, and never the employer.
    const supervisor = { Authorization: `Bearer ${await harness.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' })}` };
    const clinician = { Authorization: `Bearer ${await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' })}` };
    const candidates = (await harness.http.get('/team-view/participants').set(clinician).expect(200)).body.participants as { participantId: string; relapseRisk: unknown }[];
    for (const candidate of candidates.filter((c) => !c.relapseRisk)) {
      const summary = (await harness.http.get(`/team-view/participants/${candidate.participantId}`).set(supervisor).expect(200)).body;
      if (summary.phase !== 'follow-along' || !summary.placement) continue;
      const employer = { Authorization: `Bearer ${await harness.token({ sub: 'hr', agency: 'employer', role: 'employer', employerId: summary.placement.employerId })}` };
      if ((await harness.http.get(`/team-view/participants/${candidate.participantId}`).set(employer)).status !== 200) continue;
      participantId = candidate.participantId;
      participantName = `${summary.name.givenName} ${summary.name.familyName}`;
      employerId = summary.placement.employerId;
      break;
    }
    expect(participantId).not.toBe('');
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await idp?.close();
  });

  it('sign-in: a demo user is picked with a labelled list; the skip link comes first', async () => {
    const page = await open('anonymous');
    await page.goto(`${harness.platform.url}/`);
    await page.getByLabel('Demobruker').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Hopp til hovedinnhold');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
  });

  it("caseworker: the caseload with alerts, then the participant's page with the merged timeline", async () => {
    const page = await open('caseworker');
    await signIn(page, 'cw-ola');
    await page.getByRole('heading', { level: 1, name: 'Deltakere' }).waitFor();
    await page.getByRole('link', { name: participantName }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'caseload');
    await page.getByRole('link', { name: participantName }).first().click();
    await page.getByRole('heading', { level: 1, name: participantName }).waitFor();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await page.getByText('Direkte: nye hendelser').waitFor();
    expect(await page.getByTestId('relapse-banner').count()).toBe(0);
    // The job-development forms offer the employer service's directory: the seeded employers, not only this browser's.
    await page.getByRole('form', { name: 'Arbeidsgiverkontakt' }).locator(`option[value="${employerId}"]`).waitFor({ state: 'attached' });
    await expectAccessible(page);
  });

  it("clinician raises a relapse flag: the caseworker's open page shows the banner within 2 s, without reload", async () => {
    const caseworker = pages['caseworker'] as Page;
    await caseworker.evaluate('window.openedBeforeTheFlag = true');
    const clinician = await open('clinician');
    await signIn(clinician, 'dr-lie');
    await clinician.goto(`${harness.platform.url}/participants/${participantId}`);
    const form = clinician.getByRole('form', { name: 'Varsel om tilbakefallsrisiko' });
    await form.getByLabel('forhøyet').check();
    await expectAccessible(clinician);
    await screenshot(clinician, 'participant-clinician');
    const [answer] = await Promise.all([
      clinician.waitForResponse((response) => response.url().endsWith(`/mental-health/participants/${participantId}/relapse-flags`)),
      form.getByRole('button', { name: 'Lagre' }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const started = Date.now();
    await caseworker.getByTestId('relapse-banner').waitFor({ state: 'visible', timeout: 2000 });
    const seenAfterMs = Date.now() - started;
    expect(await caseworker.getByTestId('relapse-banner').textContent()).toMatch(/^Tilbakefallsrisiko: forhøyet\. Vurderes innen /);
    expect(await caseworker.evaluate('window.openedBeforeTheFlag')).toBe(true);
    await caseworker.locator('li.entry[data-type="RelapseRiskFlagRaised"]').waitFor();
    expect(seenAfterMs).toBeLessThan(2000);
    await expectAccessible(caseworker);
    await screenshot(caseworker, 'participant-relapse-banner');
  });

  it('employer: the 24/7 page with its jobs and requests; the flag is nowhere, on the page or in what its token reads', async () => {
    const page = await open('employer');
    await signIn(page, `employer:${employerId}`);
    await page.getByRole('heading', { level: 1, name: 'Kontaktlinjen 24/7' }).waitFor();
    const form = page.getByRole('form', { name: 'Ny henvendelse' });
    await form.getByLabel('Arbeidsforhold').selectOption({ index: 1 });
    await form.getByLabel('haster').check();
    await form.getByLabel('Hva gjelder det?').fill('Kom ikke på jobb i dag og svarer ikke på telefon.');
    await form.getByLabel('Telefonnummer teamet kan ringe').fill('+47 912 34 567');
    await form.getByRole('button', { name: 'Send henvendelsen' }).click();
    await page.getByRole('cell', { name: 'Kom ikke på jobb i dag og svarer ikke på telefon.' }).waitFor();
    expect(await page.content()).not.toMatch(/Tilbakefallsrisiko|tilbakefallsrisiko|RelapseRisk/);
    // What the employer's own token gets from the team view, read in its page as the app would.
    const seen = (await page.evaluate(`(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('ips.session'));
      const get = (path) => fetch(path, { headers: { authorization: 'Bearer ' + token } }).then((r) => r.json());
      return { summary: await get('/team-view/participants/${participantId}'), timeline: await get('/team-view/participants/${participantId}/timeline') };
    })()`)) as { summary: { relapseRisk: unknown }; timeline: { entries: unknown[] } };
    expect(seen.summary.relapseRisk).toBeNull();
    expect(JSON.stringify(seen.timeline)).not.toMatch(/RelapseRisk/);
    expect(seen.timeline.entries.length).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'employer-contact-line');
  });

  it('participant: their own timeline, flag included, and who has looked at their data', async () => {
    const page = await open('participant');
    await signIn(page, `participant:${participantId}`);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.locator('li.entry[data-type="RelapseRiskFlagRaised"]').waitFor();
    const log = page.getByTestId('access-log');
    await log.getByText('cw-ola (veileder, NAV)').first().waitFor();
    await log.getByText('dr-lie (behandler, psykisk helsevern (DPS))').first().waitFor();
    await log.getByText('hr').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'participant-own-page');
  });

  it('supervisor: the team board; Swedish and English are a choice away, dates in that locale', async () => {
    const page = await open('supervisor');
    await signIn(page, 'sup-siri');
    await page.getByRole('link', { name: 'Teamtavle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamtavle' }).waitFor();
    await page.getByRole('heading', { name: 'Deltakere hos es-ingrid' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'team-board');
    await page.getByLabel('Språk').selectOption('sv');
    await page.getByRole('heading', { level: 1, name: 'Teamtavla' }).waitFor();
    expect(await page.getByText(/^Per \d{1,2} mars 2026$/).count()).toBe(1);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Team board' }).waitFor();
    expect(await page.getByText(/^As of \d{1,2} Mar 2026$/).count()).toBe(1);
    await expectAccessible(page);
  });

  it('OpenID Connect: signs in at the identity provider (authorization code + PKCE) and the API accepts its token', async () => {
    const page = await open('oidc');
    await page.goto(`${harness.platform.url}/`);
    await page.getByRole('button', { name: `Logg inn hos ${new URL(idp.issuer).host}` }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    await page.getByText('Kari Veileder – veileder, NAV').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Deltakere' }).waitFor();
    await page.getByRole('link', { name: participantName }).first().waitFor();
    expect(idp.exchanges()).toBe(1);
    const issuer = await page.evaluate(`JSON.parse(atob(JSON.parse(sessionStorage.getItem('ips.session')).token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss`);
    expect(issuer).toBe(idp.issuer);
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
