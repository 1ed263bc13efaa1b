import { randomUUID } from 'node:crypto';
import { PlatformHarness } from './testing/platform-harness';

const alna = '0190a6f0-0000-7000-8000-00000000e001';
const baerum = '0190a6f0-0000-7000-8000-00000000e002';

/**
 * The embedded platform warns of a duplicate referral from the programme's own team directory: the same person already
 * referred in one of the referrer's teams is named (409), someone in a team they are not on never is.
 */
describe('duplicate referrals on the platform', () => {
  let harness: PlatformHarness;
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const refer = (who: string, body: object) => harness.http.post('/welfare-office/referrals').set(auth(who)).send(body);
  const kari = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    const administrator = await harness.token({ sub: 'adm-hilde', agency: 'programme', role: 'administrator' });
    for (const [teamId, name] of [
      [alna, 'IPS Alna'],
      [baerum, 'IPS Bærum'],
    ] as const) {
      await harness.http
        .put(`/programme/teams/${teamId}`)
        .set({ Authorization: `Bearer ${administrator}` })
        .send({ name, municipality: 'Oslo', timeZone: 'Europe/Oslo' })
        .expect(201);
    }
    for (const [sub, teamId] of [
      ['cw-alna', alna],
      ['cw-baerum', baerum],
    ] as const) {
      tokens[sub] = await harness.token({ sub, agency: 'welfare-office', role: 'caseworker' });
      await harness.http
        .post(`/programme/teams/${teamId}/members`)
        .set({ Authorization: `Bearer ${administrator}` })
        .send({ sub, displayName: sub, agency: 'welfare-office', role: 'caseworker' })
        .expect(201);
    }
    await harness.platform.settled();
  }, 60_000);
  afterAll(() => harness.stop());

  it("warns in the referrer's team (409 problem+json naming the participant), not in another; confirmNotDuplicate makes the record", async () => {
    const first = (await refer('cw-alna', { ...kari, teamId: alna }).expect(201)).body.participantId as string;

    const warned = await refer('cw-alna', { ...kari, givenName: ' KARI ', teamId: alna }).expect(409);
    expect(warned.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(warned.body).toMatchObject({ code: 'REFERRAL.POSSIBLE_DUPLICATE', duplicates: [{ participantId: first }] });

    // Bærum's caseworker is not on Alna: nothing of Alna's participant is told, and the referral is made.
    const inBaerum = (await refer('cw-baerum', { ...kari, teamId: baerum }).expect(201)).body.participantId as string;
    expect(inBaerum).not.toBe(first);

    const confirmed = (await refer('cw-alna', { ...kari, teamId: alna, confirmNotDuplicate: true }).expect(201)).body.participantId as string;
    expect([first, inBaerum]).not.toContain(confirmed);
  });

  it('an unknown team is still 404 TEAM.NOT_FOUND and a bad body still 400, before any duplicate check', async () => {
    expect((await refer('cw-alna', { ...kari, teamId: randomUUID() }).expect(404)).body.code).toBe('TEAM.NOT_FOUND');
    expect((await refer('cw-alna', { ...kari, teamId: alna, confirmNotDuplicate: 1 }).expect(400)).body.code).toBe('REQUEST.INVALID');
  });
});
