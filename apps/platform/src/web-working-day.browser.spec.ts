import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { TokenClaims } from '@ips/access';
import { describeWithChromium, launchChromium, screenshot, seriousViolations } from './testing/browser';
import { PlatformHarness, TestClock } from './testing/platform-harness';

const ensureWebBundle = (): void => {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../../tools/web-bundle.js')], { stdio: 'inherit' });
};

const TEAM = '0193b2c4-1f00-7a00-8000-0000000c0001';
const PEOPLE = {
  admin: { sub: 'adm-astrid', agency: 'programme', role: 'administrator', name: 'Astrid Admin' },
  supervisor: { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor', name: 'Siri Leder' },
  specialist: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist', name: 'Ingrid Solberg' },
  caseworker: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker', name: 'Ola Nilsen' },
} as const;
type Person = {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
  readonly name: string;
  readonly participantId?: string;
  readonly employerId?: string;
};

/** An instant as the team's wall clock in Oslo, as the on-call routes take it ("2026-03-02T16:00"). */
const osloLocal = (at: Date): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
};

/**
 * A team's working day in the web app, in Debian's Chromium: the 24/7 line from the employer's page to the on-call
 * specialist's queue and back, a tier nobody is on, a missed deadline on the board, a discharge through its form seen
 * live in a second tab, the consent form opening with the consent in force, and the participant's own plan. The line
 * answers within one minute here (an urgent request's window is configuration), and the platform's clock is set
 * forward to miss it.
 */
describeWithChromium('a working day in the web app', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  let browser: Browser;
  let participantId = '';
  let employerId = '';
  let placementId = '';
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  const auth = async (claims: TokenClaims) => ({ Authorization: `Bearer ${await harness.token(claims)}` });
  const as = (person: Person) =>
    auth({
      sub: person.sub,
      agency: person.agency,
      role: person.role,
      ...(person.participantId ? { participantId: person.participantId } : {}),
      ...(person.employerId ? { employerId: person.employerId } : {}),
    });

  /**
   * A page signed in as `person` (the session the sign-in would store), at `width` px. `prepare` runs on the browser
   * context before the page is opened (to hold back an answer, say).
   */
  const open = async (person: Person, at = '/', width = 1280, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> => {
    const token = await harness.token({
      sub: person.sub,
      agency: person.agency,
      role: person.role,
      ...(person.participantId ? { participantId: person.participantId } : {}),
      ...(person.employerId ? { employerId: person.employerId } : {}),
    });
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    contexts.push(context);
    await prepare?.(context);
    const session = {
      token,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        sub: person.sub,
        name: person.name,
        agency: person.agency,
        role: person.role,
        participantId: person.participantId,
        employerId: person.employerId,
      },
    };
    await context.addInitScript({ content: `sessionStorage.setItem('ips.session', ${JSON.stringify(JSON.stringify(session))});` });
    const page = await context.newPage();
    // Chromium logs every 4xx answer as an error; a refusal the app shows its user (a possible duplicate) is not one.
    page.on(
      'console',
      (message) => message.type() === 'error' && !/status of 4\d\d/.test(message.text()) && consoleErrors.push(`${person.sub}: ${message.text()}`),
    );
    page.on('pageerror', (error) => consoleErrors.push(`${person.sub}: ${error.message}`));
    await page.goto(`${harness.platform.url}${at}`);
    return page;
  };
  const expectAccessible = async (page: Page): Promise<void> => expect(await seriousViolations(page)).toEqual([]);
  /** No element reaches past the screen's right edge (the page never scrolls sideways); names those that do. */
  const fitsWidth = async (page: Page, width: number): Promise<void> => {
    const wider = await page.evaluate(
      `[...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > ${width} + 0.5 && !element.closest('table')).map((element) => element.tagName + '.' + element.className + ' ' + Math.round(element.getBoundingClientRect().right)).slice(0, 5)`,
    );
    expect(wider).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  };

  const employer = (): Person => ({ sub: 'hr-lager', agency: 'employer', role: 'employer', name: 'Lager Nord AS', employerId });
  const participant = (): Person => ({ sub: 'kari', agency: 'participant', role: 'participant', name: 'Kari Nordmann', participantId });

  beforeAll(async () => {
    ensureWebBundle();
    [harness, browser] = await Promise.all([
      // Real time to start with (the browser's countdown reads its own clock); the test moves the platform's on.
      PlatformHarness.start(new TestClock(new Date()), {
        contactLine: { acknowledgeWithin: { urgent: 1, routine: 60 }, pollIntervalMs: 200, requestsPerMinute: 120 },
      }),
      launchChromium(),
    ]);
    const http = harness.http;
    await http
      .put(`/programme/teams/${TEAM}`)
      .set(await as(PEOPLE.admin))
      .send({ name: 'IPS Nidaros', municipality: 'Trondheim', timeZone: 'Europe/Oslo' })
      .expect(201);
    const member = (person: Person) => ({ sub: person.sub, displayName: person.name, agency: person.agency, role: person.role });
    await http
      .post(`/programme/teams/${TEAM}/members`)
      .set(await as(PEOPLE.admin))
      .send(member(PEOPLE.supervisor))
      .expect(201);
    for (const person of [PEOPLE.specialist, PEOPLE.caseworker]) {
      await http
        .post(`/programme/teams/${TEAM}/members`)
        .set(await as(PEOPLE.supervisor))
        .send(member(person))
        .expect(201);
    }
    await harness.platform.settled();
    participantId = (
      await http
        .post('/welfare-office/referrals')
        .set(await as(PEOPLE.caseworker))
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1990-05-17', referredBy: 'self', teamId: TEAM })
        .expect(201)
    ).body.participantId;
    await harness.platform.settled();
    const base = `/welfare-office/participants/${participantId}`;
    await http
      .post(`${base}/enrolment`)
      .set(await as(PEOPLE.specialist))
      .send({ employmentSpecialistId: PEOPLE.specialist.sub, contactPersonId: PEOPLE.caseworker.sub })
      .expect(201);
    await http
      .post(`${base}/consents`)
      .set(await as(PEOPLE.specialist))
      .send({ shareWith: ['mental-health', 'employer', 'municipality'], employerDisclosure: true })
      .expect(201);
    await http
      .post(`${base}/action-plans`)
      .set(await as(PEOPLE.specialist))
      .send({ goals: ['en jobb på lager'], jobPreferences: ['lager'], hoursPerWeek: 20, supportsWanted: ['hjelp med CV'] })
      .expect(201);
    await harness.platform.settled();
    employerId = (
      await http
        .post('/employer/employers')
        .set(await as(PEOPLE.specialist))
        .send({ name: 'Lager Nord AS', organisationNumber: '912345670' })
        .expect(201)
    ).body.employerId;
    const today = harness.clock.now().toISOString().slice(0, 10);
    placementId = (
      await http
        .post('/employer/placements')
        .set(await as(PEOPLE.specialist))
        .send({ participantId, employerId, jobTitle: 'Lagermedarbeider', startDate: today, hoursPerWeek: 20, hourlyWage: 230 })
        .expect(201)
    ).body.placementId;
    // The specialist is on call for the line now.
    const now = harness.clock.now();
    await http
      .post(`/employer/on-call/teams/${TEAM}/shifts`)
      .set(await as(PEOPLE.supervisor))
      .send({
        workerId: PEOPLE.specialist.sub,
        role: 'employment-specialist',
        from: osloLocal(new Date(now.getTime() - 3_600_000)),
        to: osloLocal(new Date(now.getTime() + 8 * 3_600_000)),
      })
      .expect(201);
    await harness.platform.settled();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await harness?.stop();
  });

  it("the employer's urgent request reaches the on-call specialist's open queue within 2 s, counting down; they take it, and the employer sees who", async () => {
    const queue = await open(PEOPLE.specialist, '/line');
    await queue.getByRole('heading', { level: 1, name: 'Døgnlinjen' }).waitFor();
    await queue.getByText('Oppdateres fortløpende.').waitFor();
    await queue.getByText('Ingen åpne henvendelser.').waitFor();

    const line = await open(employer());
    await line.getByRole('heading', { level: 1 }).waitFor();
    const form = line.getByRole('form', { name: 'Ny henvendelse' });
    await form.getByLabel('Arbeidsforhold').selectOption(placementId);
    await form.getByRole('radio', { name: 'haster' }).check();
    await form.getByLabel('Hva gjelder det?').fill('Kari har ikke møtt i dag og svarer ikke på telefon.');
    await form.getByLabel('Telefonnummer teamet kan ringe').fill('+47 912 34 567');
    await form.getByRole('button', { name: 'Send henvendelsen' }).click();
    await form.getByText('Lagret.').waitFor();

    // Within 2 s, without a reload: the request with the employer's name, words, number and a countdown.
    const card = queue.getByTestId('line-queue').locator('li.request').first();
    await card.waitFor({ timeout: 2000 });
    expect(await card.textContent()).toContain('Kari har ikke møtt i dag');
    expect(await card.textContent()).toContain('Lager Nord AS');
    expect(await card.getByRole('link', { name: /Ring tilbake: \+4791234567/ }).count()).toBe(1);
    expect(await card.getByTestId('countdown').textContent()).toMatch(/Eskalerer om 0:[0-5]\d/);
    // The alert on every screen: the queue page is one of them.
    await queue.getByTestId('line-alerts').waitFor();
    await expectAccessible(queue);
    await screenshot(queue, 'line-queue');

    // With the keyboard alone: Tab from the top of the page reaches "take", Enter takes it.
    let reached = false;
    for (let step = 0; step < 60 && !reached; step++) {
      await queue.keyboard.press('Tab');
      reached = (await queue.evaluate('document.activeElement?.textContent')) === 'Ta henvendelsen';
    }
    expect(reached).toBe(true);
    await queue.keyboard.press('Enter');
    await card.getByText(/Tatt av Ingrid Solberg/).waitFor();
    expect(await card.getByTestId('countdown').count()).toBe(0);

    await line.getByRole('button', { name: 'Oppdater status' }).click();
    await line.getByRole('cell', { name: /^Ingrid Solberg, / }).waitFor();
    await expectAccessible(line);
  });

  it('skips a tier nobody is on, straight to the next; a missed deadline counts on the board as not answered in time', async () => {
    // Nobody is on call as specialist from now; the supervisor is.
    const roster = (
      await harness.http
        .get(`/employer/on-call/teams/${TEAM}`)
        .set(await as(PEOPLE.supervisor))
        .expect(200)
    ).body as { shifts: { shiftId: string }[] };
    for (const shift of roster.shifts)
      await harness.http
        .post(`/employer/on-call/teams/${TEAM}/shifts/${shift.shiftId}/cancel`)
        .set(await as(PEOPLE.supervisor))
        .send({})
        .expect(201);
    const now = harness.clock.now();
    await harness.http
      .post(`/employer/on-call/teams/${TEAM}/shifts`)
      .set(await as(PEOPLE.supervisor))
      .send({
        workerId: PEOPLE.supervisor.sub,
        role: 'supervisor',
        from: osloLocal(new Date(now.getTime() - 3_600_000)),
        to: osloLocal(new Date(now.getTime() + 8 * 3_600_000)),
      })
      .expect(201);
    await harness.platform.settled();

    const queue = await open(PEOPLE.supervisor, '/line');
    await queue.getByText('Oppdateres fortløpende.').waitFor();
    await harness.http
      .post('/employer/contact-requests')
      .set(await as(employer()))
      .send({ placementId, urgency: 'urgent', message: 'Kari virker veldig urolig i dag.', callbackPhone: '+4791234567' })
      .expect(202);
    const card = queue.getByTestId('line-queue').locator('li.request', { hasText: 'Kari virker veldig urolig' });
    await card.waitFor({ timeout: 2000 });
    // Straight to the supervisor on call, never "nobody".
    expect(await card.textContent()).toContain('Hos: Siri Leder (leder på vakt)');
    expect(await card.textContent()).not.toContain('ingen på vakt');

    const board = await open(PEOPLE.supervisor, '/board');
    const overdueCell = board
      .getByRole('row', { name: /Ingrid Solberg/ })
      .getByRole('cell')
      .nth(3);
    await overdueCell.waitFor();
    expect(await overdueCell.textContent()).toBe('0');
    // The first deadline passes (one minute here): it escalates, and from then on it counts as not answered in time.
    harness.clock.set(new Date(now.getTime() + 2 * 60_000).toISOString());
    await harness.platform.settled();
    await board.reload();
    await board
      .getByRole('row', { name: /Ingrid Solberg/ })
      .getByRole('cell', { name: '1', exact: true })
      .nth(0)
      .waitFor();
    expect(
      await board
        .getByRole('row', { name: /Ingrid Solberg/ })
        .getByRole('cell')
        .nth(3)
        .textContent(),
    ).toBe('1');
    await queue.reload();
    await queue
      .locator('li.request.overdue', { hasText: 'Kari virker veldig urolig' })
      .getByText(/Ikke besvart i tide/)
      .waitFor();
    await screenshot(board, 'team-board-overdue');
  });

  it('warns before referring someone already referred to the team, and shows who', async () => {
    // The team list arrives late (a slow network): the form waits for it, so nothing typed is lost when it comes.
    const page = await open(PEOPLE.caseworker, '/', 1280, (context) =>
      context.route('**/programme/teams?*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      }),
    );
    const referral = page.getByRole('form', { name: 'Ny henvisning' });
    await referral.getByLabel(/^Fornavn/).fill('Kari');
    await referral.getByLabel(/^Etternavn/).fill(' nordmann ');
    await referral.getByLabel(/^Fødselsdato/).fill('1990-05-17');
    await referral.getByLabel(/^Henvist av/).fill('Fastlegen');
    await referral.getByRole('button', { name: 'Lagre' }).click();
    const question = referral.getByRole('alertdialog');
    await question.waitFor();
    expect(await question.textContent()).toContain('er allerede henvist til teamet ditt');
    expect(await question.getByRole('link', { name: /Åpne den som finnes/ }).getAttribute('href')).toBe(`/participants/${participantId}`);
    await expectAccessible(page);
    await question.getByRole('button', { name: 'Nei, avbryt' }).click();
    const listed = (
      await harness.http
        .get('/team-view/participants?scope=all')
        .set(await as(PEOPLE.caseworker))
        .expect(200)
    ).body.participants as unknown[];
    expect(listed).toHaveLength(1);
  });

  it('opens the consent form with the consent in force, and asks before narrowing it', async () => {
    const page = await open(PEOPLE.specialist, `/participants/${participantId}`);
    const consent = page.getByRole('form', { name: 'Samtykke', exact: true });
    await consent.waitFor();
    for (const agency of ['DPS', 'arbeidsgiveren', 'kommunen']) {
      expect(await consent.getByRole('checkbox', { name: agency, exact: true }).isChecked()).toBe(true);
    }
    expect(await consent.getByRole('checkbox', { name: 'Arbeidsgiveren kan få vite om deltakelsen' }).isChecked()).toBe(true);
    await consent.getByRole('checkbox', { name: 'kommunen', exact: true }).uncheck();
    await consent.getByRole('button', { name: 'Lagre' }).click();
    const question = consent.getByRole('alertdialog');
    await question.waitFor();
    expect(await question.textContent()).toMatch(/kommunen vil ikke lenger se teamets felles opplysninger/i);
    await question.getByRole('button', { name: 'Nei, avbryt' }).click();
    expect(await consent.getByRole('alertdialog').count()).toBe(0);
  });

  it('lets the participant propose a change to their plan, which the specialist records', async () => {
    const own = await open(participant(), '/', 375);
    const plan = own.getByRole('form', { name: 'Mitt forslag til handlingsplan' });
    await plan.waitFor();
    // It opens with the plan in force.
    expect(await plan.getByLabel(/^Mål/).inputValue()).toBe('en jobb på lager');
    await plan.getByLabel(/^Mål/).fill('en jobb på lager\nta truckførerbevis');
    await plan.getByLabel(/^Timer per uke/).fill('25');
    await plan.getByRole('button', { name: 'Send forslaget' }).click();
    await own.getByTestId('open-proposal').waitFor();
    await fitsWidth(own, 375);
    await expectAccessible(own);
    await screenshot(own, 'participant-own-plan');

    const page = await open(PEOPLE.specialist, `/participants/${participantId}`);
    const record = page.getByRole('form', { name: 'Handlingsplan', exact: true });
    await record.getByText(/Åpnet med deltakerens forslag/).waitFor();
    expect(await record.getByLabel(/^Mål/).inputValue()).toBe('en jobb på lager\nta truckførerbevis');
    await record.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Registrert fra deltakerens eget forslag').waitFor();

    await own.reload();
    await own.getByRole('region', { name: 'Min handlingsplan' }).locator('dd', { hasText: 'ta truckførerbevis' }).waitFor();
    expect(await own.getByTestId('open-proposal').count()).toBe(0);
  });

  it('records a discharge through its form: the timeline shows it, and the caseload in a second tab updates without reload', async () => {
    const caseload = await open(PEOPLE.specialist, '/');
    const row = caseload.getByRole('row', { name: /Kari Nordmann/ });
    await row.waitFor();
    const page = await open(PEOPLE.specialist, `/participants/${participantId}`);
    const discharge = page.getByRole('form', { name: 'Avslutt eller overfør' });
    await discharge.getByLabel(/^Grunn/).selectOption('steady-employment');
    await discharge.getByLabel(/^Notat/).fill('Stabil i jobb; vet at hun kan ringe.');
    await discharge.getByRole('button', { name: 'Lagre' }).click();
    await discharge.getByRole('alertdialog').getByRole('button', { name: 'Ja, lagre' }).click();
    await page.locator('li.entry[data-type="ParticipantDischarged"]').getByText('stabil i arbeid').waitFor();
    // The other tab, untouched: the list reads again when the team view says the participant changed.
    await caseload
      .getByRole('row', { name: /Kari Nordmann/ })
      .getByText('Avsluttet')
      .waitFor({ timeout: 5000 });
    // Discharged: the record's forms are the ones that still apply.
    await page.getByRole('form', { name: 'Avslutt eller overfør' }).waitFor({ state: 'detached' });
    await expectAccessible(page);
  });

  it('fits the employer, participant and staff-queue screens into 375 px, and logs no errors in the console', async () => {
    for (const [person, at] of [
      [employer(), '/'],
      [PEOPLE.specialist, '/line'],
      [PEOPLE.supervisor, '/line/rosters'],
    ] as const) {
      const page = await open(person, at, 375);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Loaded: the first section's heading (the page's streams stay open, so the network is never idle).
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.locator('[role="status"]', { hasText: 'Laster' }).waitFor({ state: 'detached' });
      await fitsWidth(page, 375);
      await expectAccessible(page);
      if (at === '/line/rosters') await screenshot(page, 'line-rosters');
    }
    expect(consoleErrors).toEqual([]);
  });
});
