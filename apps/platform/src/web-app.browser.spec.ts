import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { markDemoTeam } from '@ips/runtime';
import { DEMO_TEAM_IDS, seedDemoTeam } from './seed/demo-team.seed';
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
    // The identity provider's caseworker works on the sentrum team: its supervisor adds her (staff on no team see no one).
    const sentrumSupervisor = { Authorization: `Bearer ${await harness.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' })}` };
    await harness.http
      .post(`/programme/teams/${DEMO_TEAM_IDS.sentrum}/members`)
      .set(sentrumSupervisor)
      .send({ sub: 'cw-kari', displayName: 'Kari Veileder', agency: 'welfare-office', role: 'caseworker' })
      .expect(201);
    await harness.platform.settled();
    // Someone in work whose employer was told, with a treatment team and no flag yet: the flag must reach the
    // caseworker and the participant, and never the employer.
    const supervisor = { Authorization: `Bearer ${await harness.token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' })}` };
    const clinician = { Authorization: `Bearer ${await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' })}` };
    const candidates = (await harness.http.get('/team-view/participants').set(clinician).expect(200)).body.participants as {
      participantId: string;
      relapseRisk: unknown;
    }[];
    for (const candidate of candidates.filter((c) => !c.relapseRisk)) {
      const summary = (await harness.http.get(`/team-view/participants/${candidate.participantId}`).set(supervisor).expect(200)).body;
      if (summary.phase !== 'follow-along' || !summary.placement) continue;
      const employer = {
        Authorization: `Bearer ${await harness.token({ sub: 'hr', agency: 'employer', role: 'employer', employerId: summary.placement.employerId })}`,
      };
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
    // Staff by their display names from the team, not their login ids; the enrolment form picks from the team's members.
    const contacts = page.getByRole('region', { name: 'Kontakter per etat' });
    await contacts.getByText('Team: IPS Trondheim sentrum').waitFor();
    await contacts.getByRole('cell', { name: 'Ola Nilsen' }).waitFor();
    expect(await contacts.textContent()).not.toMatch(/\b(es|cw|dr|mw)-[a-z]+/);
    // Only the forms of the participant's phase: in work, no enrolment; the consent form opens with the consent in force.
    const consent = page.getByRole('form', { name: 'Samtykke', exact: true });
    await consent.waitFor();
    expect(await page.getByRole('form', { name: 'Inntak' }).count()).toBe(0);
    expect(await consent.getByRole('checkbox', { name: 'arbeidsgiveren', exact: true }).isChecked()).toBe(true);
    expect(await consent.getByRole('checkbox', { name: 'Arbeidsgiveren kan få vite om deltakelsen' }).isChecked()).toBe(true);
    await page.getByRole('form', { name: 'Avslutt eller overfør' }).waitFor();
    expect(await page.getByRole('form', { name: 'Jobben slutter' }).count()).toBe(0); // a caseworker does not end jobs (the policy)
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
    // A ward clinician on no IPS team breaks the glass (decision 30): the participant sees it at the top of the log.
    const ward = { Authorization: `Bearer ${await harness.token({ sub: 'dr-akutt', agency: 'mental-health', role: 'clinician' })}` };
    await harness.http
      .post(`/team-view/participants/${participantId}/emergency-access`)
      .set(ward)
      .send({ reasonCode: 'urgent-care', reason: 'Innlagt akutt i natt; trenger kriseplanen.' })
      .expect(201);
    const page = await open('participant');
    await signIn(page, `participant:${participantId}`);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.locator('li.entry[data-type="RelapseRiskFlagRaised"]').waitFor();
    const log = page.getByTestId('access-log');
    // Staff by the names their teams know them by, not their login ids.
    await log.getByText('Ola Nilsen (veileder, NAV)').first().waitFor();
    await log.getByText('Maren Lie (behandler, psykisk helsevern (DPS))').first().waitFor();
    expect(await log.getByText(/^(cw-ola|dr-lie) /).count()).toBe(0);
    await log.getByText('hr').first().waitFor();
    const emergency = page.getByTestId('emergency-access');
    await emergency.getByText('Nødtilgang til mine opplysninger').waitFor();
    await emergency.getByText('Innlagt akutt i natt; trenger kriseplanen.', { exact: false }).waitFor();
    await emergency.getByText('Akutt behov for helsehjelp', { exact: false }).waitFor();
    await emergency.getByText('Ikke kontrollert ennå', { exact: false }).waitFor();
    await log.getByText('åpnet journalen din i en nødsituasjon').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'participant-own-page');
  });

  it('supervisor: the team board; Swedish and English are a choice away, dates in that locale', async () => {
    const page = await open('supervisor');
    await signIn(page, 'sup-siri');
    await page.getByRole('link', { name: 'Teamtavle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamtavle' }).waitFor();
    await page.getByRole('heading', { name: 'Deltakere hos Ingrid Solberg' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'team-board');
    await page.getByLabel('Språk').selectOption('sv');
    await page.getByRole('heading', { level: 1, name: 'Teamtavla' }).waitFor();
    expect(await page.getByText(/^Per \d{1,2} mars 2026$/).count()).toBe(1);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Team board' }).waitFor();
    expect(await page.getByText(/^As of \d{1,2} Mar 2026$/).count()).toBe(1);
    await expectAccessible(page);
    // A supervisor sees who has looked at a participant of the team, by name.
    await page.goto(`${harness.platform.url}/participants/${participantId}`);
    await page
      .getByTestId('access-log')
      .getByText(/^Ola Nilsen \(/)
      .first()
      .waitFor();
  });

  it('teams: the administrator defines a team and names its supervisor, who adds a member; the new member sees the team’s caseload, the other team does not', async () => {
    // The programme's administrator: both demo teams, and a new one (a time zone the database does not know is refused in the form).
    const administrator = await open('administrator');
    await signIn(administrator, 'adm-astrid');
    await administrator.getByRole('heading', { level: 1, name: 'IPS-team' }).waitFor();
    await administrator.getByRole('heading', { level: 2, name: 'IPS Lerkendal' }).waitFor();
    await administrator.getByRole('heading', { level: 2, name: 'IPS Trondheim sentrum' }).waitFor();
    const newTeam = administrator.getByRole('form', { name: 'Nytt IPS-team' });
    await newTeam.getByLabel('Navn på teamet').fill('IPS Heimdal');
    await newTeam.getByLabel('Kommune').fill('Trondheim');
    await newTeam.getByLabel('Tidssone').fill('Europe/Heimdal');
    await newTeam.getByRole('button', { name: 'Lagre' }).click();
    await newTeam.getByText('Ukjent tidssone. Bruk et IANA-navn, for eksempel Europe/Oslo.').first().waitFor();
    expect(await newTeam.getByLabel('Tidssone').getAttribute('aria-invalid')).toBe('true');
    await newTeam.getByLabel('Tidssone').fill('Europe/Oslo');
    await newTeam.getByRole('button', { name: 'Lagre' }).click();
    const heimdal = administrator.getByRole('region', { name: 'IPS Heimdal' });
    await heimdal.getByText('Ingen medlemmer ennå.').waitFor();
    const nameSupervisor = heimdal.getByRole('form', { name: 'Legg til et medlem' });
    await nameSupervisor.getByLabel('Navn', { exact: false }).first().fill('Hege Moen');
    await nameSupervisor.getByLabel('Bruker-id').fill('sup-hege');
    await nameSupervisor.getByLabel('Rolle').selectOption('welfare-office/supervisor');
    await nameSupervisor.getByRole('button', { name: 'Lagre' }).click();
    await heimdal.getByRole('rowheader', { name: 'Hege Moen' }).waitFor();
    await expectAccessible(administrator);
    await screenshot(administrator, 'teams-administrator');

    // The supervisor adds an employment specialist to her team (not a supervisor: that is the administrator's), and
    // the API's refusal of someone already on it shows at the field.
    const supervisor = await open('heimdal-supervisor');
    await signIn(supervisor, 'sup-hege');
    await supervisor.getByRole('link', { name: 'Team', exact: true }).click();
    const ownTeam = supervisor.getByRole('region', { name: 'IPS Heimdal' });
    const addMember = ownTeam.getByRole('form', { name: 'Legg til et medlem' });
    expect(await addMember.getByLabel('Rolle').locator('option[value="welfare-office/supervisor"]').count()).toBe(0);
    await addMember.getByLabel('Navn', { exact: false }).first().fill('Hege Moen');
    await addMember.getByLabel('Bruker-id').fill('sup-hege');
    await addMember.getByLabel('Rolle').selectOption('welfare-office/caseworker');
    await addMember.getByRole('button', { name: 'Lagre' }).click();
    await addMember.getByText('Personen er allerede med i teamet.').first().waitFor();
    await addMember.getByLabel('Navn', { exact: false }).first().fill('Tobias Lien');
    await addMember.getByLabel('Bruker-id').fill('es-tobias');
    await addMember.getByLabel('Rolle').selectOption('welfare-office/employment-specialist');
    await addMember.getByRole('button', { name: 'Lagre' }).click();
    await ownTeam.getByRole('rowheader', { name: 'Tobias Lien' }).waitFor();
    await addMember.getByLabel('Navn', { exact: false }).first().fill('Petter Hoel');
    await addMember.getByLabel('Bruker-id').fill('cw-petter');
    await addMember.getByLabel('Rolle').selectOption('welfare-office/caseworker');
    await addMember.getByRole('button', { name: 'Lagre' }).click();
    await ownTeam.getByRole('rowheader', { name: 'Petter Hoel' }).waitFor();
    await expectAccessible(supervisor);
    await screenshot(supervisor, 'team-supervisor');

    // She refers someone to her team and enrols them with Tobias, picked from the team's members.
    await supervisor.getByRole('link', { name: 'Deltakere', exact: true }).click();
    const referral = supervisor.getByRole('form', { name: 'Ny henvisning' });
    expect(await referral.getByLabel('IPS-team').locator('option:checked').textContent()).toBe('IPS Heimdal');
    await referral.getByLabel('Fornavn').fill('Liv');
    await referral.getByLabel('Etternavn').fill('Heimdal');
    await referral.getByLabel('Fødselsdato').fill('1991-05-17');
    await referral.getByLabel('Henvist av').fill('NAV Heimdal');
    await referral.getByRole('button', { name: 'Lagre' }).click();
    await supervisor.getByRole('heading', { level: 1, name: 'Liv Heimdal' }).waitFor();
    const newcomerId = new URL(supervisor.url()).pathname.split('/').pop() as string;
    const enrolment = supervisor.getByRole('form', { name: 'Inntak' });
    await enrolment.getByLabel('Jobbspesialist').selectOption('es-tobias');
    expect(await enrolment.getByLabel('Fast kontaktperson').locator('option[value="sup-hege"]').count()).toBe(0);
    await enrolment.getByLabel('Fast kontaktperson').selectOption('cw-petter');
    await enrolment.getByRole('button', { name: 'Lagre' }).click();
    await supervisor.getByRole('region', { name: 'Kontakter per etat' }).getByRole('cell', { name: 'Tobias Lien' }).waitFor();

    // The new member signs in: the team's caseload, with him as specialist, and no one of the other teams.
    const member = await open('new-member');
    await signIn(member, 'es-tobias');
    await member.getByRole('heading', { level: 1, name: 'Deltakere' }).waitFor();
    await member.getByRole('link', { name: 'Liv Heimdal' }).waitFor();
    await member.getByRole('cell', { name: 'Tobias Lien' }).waitFor();
    await member.getByLabel('Alle jeg har tilgang til').check();
    await member.getByText('1 deltakere').waitFor();
    await expectAccessible(member);
    await screenshot(member, 'caseload-new-member');

    // A caseworker of another team lists her own team's participants, never this one, and opening it is as for no one.
    const other = await open('other-team');
    await signIn(other, 'cw-hanne');
    await other.getByText('13 deltakere').waitFor();
    expect(await other.getByRole('link', { name: 'Liv Heimdal' }).count()).toBe(0);
    await other.goto(`${harness.platform.url}/participants/${newcomerId}`);
    await other.getByText('Fant ingen deltaker med denne id-en som du har tilgang til.').waitFor();

    // The programme's coordinator sees every team and who is on it, and changes nothing.
    const coordinator = await open('coordinator');
    await signIn(coordinator, 'koord-rune');
    await coordinator.getByRole('region', { name: 'IPS Heimdal' }).getByRole('rowheader', { name: 'Tobias Lien' }).waitFor();
    await coordinator.getByRole('region', { name: 'IPS Lerkendal' }).getByRole('rowheader', { name: 'Amira Haddad' }).waitFor();
    expect(await coordinator.getByRole('form').count()).toBe(0);
    await expectAccessible(coordinator);

    // The supervisor ends Tobias's membership: he is no longer on the team's list.
    await supervisor.getByRole('link', { name: 'Team', exact: true }).click();
    const end = ownTeam.getByRole('form', { name: 'Avslutt et medlemskap' });
    await end.getByLabel('Medlem').selectOption('es-tobias');
    await end.getByRole('button', { name: 'Lagre' }).click();
    await ownTeam.getByRole('rowheader', { name: 'Tobias Lien' }).waitFor({ state: 'detached' });
    await ownTeam.getByRole('rowheader', { name: 'Hege Moen' }).waitFor();
  });

  it('emergency access: a caseworker of the other team opens a record by id, breaks the glass, reads it and ends it; the team’s supervisor reviews it', async () => {
    const reason = 'Arbeidsgiveren ringte døgnlinjen i kveld; jobbspesialisten hennes er syk.';
    const summaryStatus = (page: Page): Promise<number> =>
      page.evaluate(`(async () => {
        const { token } = JSON.parse(sessionStorage.getItem('ips.session'));
        return (await fetch('/team-view/participants/${participantId}', { headers: { authorization: 'Bearer ' + token } })).status;
      })()`) as Promise<number>;
    // Hanne (IPS Lerkendal) has a sentrum participant's id from the 24/7 line: not found, and the emergency offer.
    const page = await open('break-the-glass');
    await signIn(page, 'cw-hanne');
    await page.getByRole('heading', { level: 1, name: 'Deltakere' }).waitFor();
    await page.getByLabel('Åpne en deltaker med id').fill(participantId);
    await page.getByRole('button', { name: 'Åpne', exact: true }).click();
    await page.getByText('Fant ingen deltaker med denne id-en som du har tilgang til.').waitFor();
    const offer = page.getByRole('form', { name: 'Be om nødtilgang' });
    await page.getByText('Det blir logget, deltakeren ser det i sin logg, og lederen for deltakerens team kontrollerer det.', { exact: false }).waitFor();
    await offer.getByLabel(/^Grunn/).selectOption('contact-line');
    await offer.getByLabel(/^Begrunnelse/).fill(reason);
    await expectAccessible(page);
    await screenshot(page, 'participant-emergency-offer');
    const [granted] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/team-view/participants/${participantId}/emergency-access`)),
      offer.getByRole('button', { name: 'Åpne journalen' }).click(),
    ]);
    expect(granted.status()).toBe(201);
    const { grantId } = (await granted.json()) as { grantId: string };

    // The record, to read: the banner says until when, and no form to write with.
    await page.getByRole('heading', { level: 1, name: participantName }).waitFor();
    const banner = page.getByTestId('emergency-banner');
    await banner.getByText(/^Nødtilgang til kl\. \d{2}[:.]\d{2}\./).waitFor();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await page.locator('li.entry').first().waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Registrer' }).count()).toBe(0);
    await expectAccessible(page);

    // She ends it: refused again, and offered it again.
    const [ended] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/team-view/emergency-access/${grantId}/end`)),
      banner.getByRole('button', { name: 'Avslutt nå' }).click(),
    ]);
    expect(ended.status()).toBe(201);
    await page.getByText('Fant ingen deltaker med denne id-en som du har tilgang til.').waitFor();
    await page.getByRole('form', { name: 'Be om nødtilgang' }).waitFor();
    expect(await page.getByTestId('emergency-banner').count()).toBe(0);
    expect(await summaryStatus(page)).toBe(404);

    // The sentrum supervisor: the grant is on her list to review, by Hanne's name, with the reason; she reviews it.
    const supervisor = await open('emergency-review');
    await signIn(supervisor, 'sup-siri');
    await supervisor.getByRole('link', { name: 'Nødtilganger' }).click();
    await supervisor.getByRole('heading', { level: 1, name: 'Nødtilganger' }).waitFor();
    expect(await supervisor.getByLabel('Til kontroll').isChecked()).toBe(true);
    const grant = supervisor.getByRole('article', { name: 'Hanne Vik (veileder, NAV)' }).filter({ hasText: reason });
    await grant.getByText(reason).waitFor();
    await grant.getByText('En arbeidsgiver ringte døgnlinjen').waitFor();
    await grant.getByText('lukket tidlig').waitFor();
    await grant.getByText('Ikke kontrollert ennå').waitFor();
    await grant.getByRole('link', { name: participantId }).waitFor();
    const review = grant.getByRole('form', { name: 'Kontroller nødtilgangen' });
    await review.getByLabel(/^Notat fra kontrollen/).fill('Riktig bruk: arbeidsgiveren ringte, og jobbspesialisten var syk.');
    const [reviewed] = await Promise.all([
      supervisor.waitForResponse((response) => response.url().endsWith('/review')),
      review.getByRole('button', { name: 'Marker som kontrollert' }).click(),
    ]);
    expect(reviewed.status()).toBe(201);
    await grant.getByText(/^Kontrollert av Siri Lund \(leder, NAV\) .+ — Riktig bruk: arbeidsgiveren ringte/).waitFor();
    expect(await grant.getByRole('form').count()).toBe(0);
    await expectAccessible(supervisor);
    await screenshot(supervisor, 'emergency-access-review');
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
    const issuer = await page.evaluate(
      `JSON.parse(atob(JSON.parse(sessionStorage.getItem('ips.session')).token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss`,
    );
    expect(issuer).toBe(idp.issuer);
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
