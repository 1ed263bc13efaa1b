import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { describeWithKafka } from '@ips/messaging/testing';
import { DISTRIBUTED_SERVICES, keyStoreDatabaseUrl, serviceDatabaseUrl } from '@ips/runtime';
import { DistributedHarness } from './testing/distributed-harness';
import { PlatformHarness } from './testing/platform-harness';
import { TestPlatform } from './testing/profiles';

/** Every file under a directory, as bytes. */
async function filesUnder(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const found: { file: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.push({ file, bytes: await readFile(file) });
  }
  return found;
}

/** The files (or other named byte sources) in which each needle occurs, as UTF-8. */
const whereFound = (sources: readonly { file: string; bytes: Buffer }[], needles: readonly string[]): Record<string, string[]> =>
  Object.fromEntries(needles.map((needle) => [needle, sources.filter(({ bytes }) => bytes.includes(Buffer.from(needle, 'utf8'))).map(({ file }) => file)]));

/**
 * A participant with a name, a phone number and free text in every agency's records, the way a team
 * builds them over HTTP; and a second participant who is not erased. Values are unique to the run, so a
 * search of shared storage finds this run's data and nobody else's.
 */
async function teamWithTwoParticipants(harness: TestPlatform) {
  const tag = randomBytes(4).toString('hex');
  const digits = String(parseInt(tag, 16) % 10_000_000).padStart(7, '0');
  const erased = { givenName: `Sigrun${tag}`, familyName: `Haugland${tag}`, phone: `+47 4${digits}`, email: `sigrun.${tag}@example.no` };
  const kept = { givenName: `Tormod${tag}`, familyName: `Lie${tag}`, phone: `+47 9${digits}`, email: `tormod.${tag}@example.no` };
  // Not personal, stored in the clear next to the personal fields: what the search must find, to show it can.
  const specialist = `es-${tag}`;
  const jobTitle = `Lagerarbeider-${tag}`;

  const tokens = {
    specialist: await harness.token({ sub: specialist, agency: 'welfare-office', role: 'employment-specialist' }),
    supervisor: await harness.token({ sub: `sup-${tag}`, agency: 'welfare-office', role: 'supervisor' }),
    clinician: await harness.token({ sub: `cl-${tag}`, agency: 'mental-health', role: 'clinician' }),
  };
  const as = (who: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[who]}` });

  const build = async (person: typeof erased): Promise<{ participantId: string; requestId: string }> => {
    const referral = {
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: '1988-11-23',
      referredBy: 'self',
      reason: `${person.givenName} wants to work`,
    };
    const participantId: string = (await harness.http.post('/welfare-office/referrals').set(as('specialist')).send(referral).expect(201)).body.participantId;
    const at = `/welfare-office/participants/${participantId}`;
    await harness.http.put(`${at}/contact-details`).set(as('specialist')).send({ phone: person.phone, email: person.email }).expect(200);
    await harness.http.post(`${at}/enrolment`).set(as('specialist')).send({ employmentSpecialistId: specialist, contactPersonId: 'cw-ola' }).expect(201);
    await harness.http
      .post(`${at}/consents`)
      .set(as('specialist'))
      .send({ shareWith: ['mental-health', 'employer'], employerDisclosure: true })
      .expect(201);
    await harness.platform.settled(); // mental health and the employer service learn of the enrolment from the bus
    const plan = {
      goals: [`${person.givenName} in a warehouse by summer`],
      jobPreferences: ['warehouse'],
      hoursPerWeek: 20,
      supportsWanted: [`call ${person.phone} in the morning`],
    };
    await harness.http.post(`${at}/action-plans`).set(as('specialist')).send(plan).expect(201);
    await harness.http
      .post(`/mental-health/participants/${participantId}/relapse-flags`)
      .set(as('clinician'))
      .send({ level: 'watch', reviewBy: '2026-03-20', actions: [`${person.familyName}'s sister calls the team`] })
      .expect(201);
    await harness.platform.settled();
    const employerId: string = (
      await harness.http
        .post('/employer/employers')
        .set(as('specialist'))
        .send({ name: `Lager ${tag}`, organisationNumber: '912345678' })
        .expect(201)
    ).body.employerId;
    const job = { participantId, employerId, jobTitle, startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 };
    const placementId: string = (await harness.http.post('/employer/placements').set(as('specialist')).send(job).expect(201)).body.placementId;
    const hr = await harness.token({ sub: `hr-${tag}`, agency: 'employer', role: 'employer', employerId });
    const call = { placementId, message: `${person.givenName} did not turn up today`, urgency: 'routine', callbackPhone: '+4722334455' };
    const requestId: string = (
      await harness.http
        .post('/employer/contact-requests')
        .set({ Authorization: `Bearer ${hr}` })
        .send(call)
        .expect(202)
    ).body.requestId;
    await harness.platform.settled();
    return { participantId, requestId };
  };

  const first = await build(erased);
  const second = await build(kept);
  const read = async (participantId: string) => ({
    summary: (await harness.http.get(`/team-view/participants/${participantId}`).set(as('specialist')).expect(200)).body,
    timeline: (await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(as('specialist')).expect(200)).body,
  });
  return {
    erased: { ...erased, ...first },
    kept: { ...kept, ...second },
    controls: [specialist, jobTitle],
    read,
    contactRequest: async (requestId: string) => (await harness.http.get(`/employer/contact-requests/${requestId}`).set(as('supervisor')).expect(200)).body,
    erase: (participantId: string) => harness.http.post(`/welfare-office/participants/${participantId}/erasure`).set(as('supervisor')).send({}),
    asSpecialist: as('specialist'),
  };
}

type Team = Awaited<ReturnType<typeof teamWithTwoParticipants>>;

/** What both profiles must show over HTTP before and after the erasure. */
async function eraseAndCheckReads(harness: TestPlatform, team: Team): Promise<void> {
  const before = await team.read(team.erased.participantId);
  expect(before.summary.name).toEqual({ givenName: team.erased.givenName, familyName: team.erased.familyName });
  expect(before.summary.contactDetails).toEqual({ phone: team.erased.phone, email: team.erased.email });
  expect((await team.contactRequest(team.erased.requestId)).message).toBe(`${team.erased.givenName} did not turn up today`);

  const erasure = await team.erase(team.erased.participantId).expect(201);
  expect(erasure.body).toEqual({ participantId: team.erased.participantId, erasedAt: expect.any(String) });
  await team.erase(team.erased.participantId).expect(409);
  await harness.platform.settled();

  const after = await team.read(team.erased.participantId);
  expect(after.summary).toMatchObject({
    name: { givenName: '[erased]', familyName: '[erased]' },
    birthDate: '[erased]',
    contactDetails: { phone: '[erased]', email: '[erased]' },
    erasedAt: erasure.body.erasedAt,
    phase: 'employed',
    placement: { jobTitle: expect.stringMatching(/^Lagerarbeider-/), hoursPerWeek: 20 },
    relapseRisk: { level: 'watch', reviewBy: '2026-03-20' },
  });
  expect(after.timeline.entries.map((entry: { type: string }) => entry.type)).toEqual([
    ...before.timeline.entries.map((entry: { type: string }) => entry.type),
    'ParticipantErased',
  ]);
  const request = await team.contactRequest(team.erased.requestId);
  expect(request).toMatchObject({ message: '[erased]', callbackPhone: '[erased]', status: 'received' });

  // Nothing more is recorded about them, by any agency.
  await harness.http
    .put(`/welfare-office/participants/${team.erased.participantId}/contact-details`)
    .set(team.asSpecialist)
    .send({ phone: '+47 12345678' })
    .expect(409);

  // The rest of the team's data reads as before.
  const other = await team.read(team.kept.participantId);
  expect(other.summary).toMatchObject({
    name: { givenName: team.kept.givenName, familyName: team.kept.familyName },
    contactDetails: { phone: team.kept.phone, email: team.kept.email },
    erasedAt: null,
  });
  expect((await team.contactRequest(team.kept.requestId)).message).toBe(`${team.kept.givenName} did not turn up today`);
}

const personalValues = (team: Team): string[] => [team.erased.givenName, team.erased.familyName, team.erased.phone, team.erased.email];

describe('erase-participant (after change-contact-details), embedded: the name and phone number are in no byte of the data directory', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  beforeAll(async () => {
    harness = await PlatformHarness.start();
  });
  afterAll(() => harness.stop());

  it('reads them before, [erased] after, and the data directory never held them in the clear', async () => {
    const team = await teamWithTwoParticipants(harness);
    await eraseAndCheckReads(harness, team);

    // Everything on disk, with the platform stopped so that nothing is left in memory only.
    await harness.restart(async () => {
      const files = await filesUnder(harness.config.dataDir);
      expect(whereFound(files, personalValues(team))).toEqual(Object.fromEntries(personalValues(team).map((value) => [value, []])));
      // The search can find what is stored in the clear, in the same database files.
      for (const control of team.controls) expect(whereFound(files, [control])[control]?.length).toBeGreaterThan(0);
    });
    const after = await team.read(team.erased.participantId);
    expect(after.summary.name).toEqual({ givenName: '[erased]', familyName: '[erased]' });
    expect((await team.read(team.kept.participantId)).summary.name).toEqual({ givenName: team.kept.givenName, familyName: team.kept.familyName });
  });
});

describeWithKafka(
  'erase-participant (after change-contact-details), distributed: the name and phone number are in no PostgreSQL table and no Kafka record',
  () => {
    jest.setTimeout(180_000);
    let harness: DistributedHarness;
    beforeAll(async () => {
      harness = await DistributedHarness.start();
    });
    afterAll(() => harness?.stop());

    /** Every row of every table of every service's database and of the key store, as text. */
    const tableContents = async (): Promise<{ file: string; bytes: Buffer }[]> => {
      const suffix = harness.databaseSuffix;
      const urls = [
        ...DISTRIBUTED_SERVICES.map((service) => serviceDatabaseUrl(harness.config.databaseUrl, service, suffix)),
        keyStoreDatabaseUrl(harness.config.databaseUrl, suffix),
      ];
      const found: { file: string; bytes: Buffer }[] = [];
      for (const url of urls) {
        const db = new Client({ connectionString: url });
        await db.connect();
        try {
          const tables = await db.query<{ name: string }>(
            `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
          );
          for (const { name } of tables.rows) {
            const rows = await db.query<{ row: string }>(`select t::text as row from ${name} t`);
            found.push({ file: `${new URL(url).pathname.slice(1)}/${name}`, bytes: Buffer.from(rows.rows.map((row) => row.row).join('\n'), 'utf8') });
          }
        } finally {
          await db.end();
        }
      }
      return found;
    };

    it('reads them before, [erased] after; no table, dead-letter or event topic ever held them in the clear', async () => {
      const team = await teamWithTwoParticipants(harness);
      await eraseAndCheckReads(harness, team);

      const tables = await tableContents();
      expect(tables.length).toBeGreaterThan(20);
      expect(whereFound(tables, personalValues(team))).toEqual(Object.fromEntries(personalValues(team).map((value) => [value, []])));
      for (const control of team.controls) expect(whereFound(tables, [control])[control]?.length).toBeGreaterThan(0);

      const topics = ['ips.participant-events.v1', 'ips.participant-events.v1.dead-letters'];
      const records = await Promise.all(
        topics.map(async (topic) => ({ file: topic, bytes: await harness.cluster.topicBytes(topic).catch(() => Buffer.alloc(0)) })),
      );
      expect(records[0]?.bytes.length).toBeGreaterThan(1000);
      expect(whereFound(records, personalValues(team))).toEqual(Object.fromEntries(personalValues(team).map((value) => [value, []])));
      expect(whereFound(records, [team.controls[0] as string])[team.controls[0] as string]).toEqual(['ips.participant-events.v1']);
    });
  },
  { databaseServer: true },
);
