import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { metadataAt } from '@ips/testing';
import { accept } from '@ips/kernel';
import { ParticipantEvent } from '@ips/welfare-office/domain';
import { WelfareOfficeModule } from './index';
import { participantSlice } from './participant.slice';
import { ReferralFingerprints } from './refer-participant/referral-fingerprints';
import { InMemoryTeamRegistry } from './testing';

const NOW = '2026-03-02T09:00:00.000Z';
const alna = '0190a6f0-0000-7000-8000-00000000d001';
const baerum = '0190a6f0-0000-7000-8000-00000000d002';

/**
 * A duplicate referral (same name and birth date) warns before a second record is made: 409 REFERRAL.POSSIBLE_DUPLICATE
 * naming the participants already referred in the referrer's own teams, never anyone else's; `confirmNotDuplicate`
 * makes the record anyway.
 */
describe('refer-participant: duplicate referrals over HTTP', () => {
  const teams = new InMemoryTeamRegistry();
  let app: FeatureTestApp;
  const tokens: Record<string, string> = {};
  const staff = {
    'cw-alna': { agency: 'welfare-office', role: 'caseworker', teams: [alna] },
    'cw-baerum': { agency: 'welfare-office', role: 'caseworker', teams: [baerum] },
    'es-both': { agency: 'welfare-office', role: 'employment-specialist', teams: [alna, baerum] },
    'sup-alna': { agency: 'welfare-office', role: 'supervisor', teams: [alna] },
    'cw-none': { agency: 'welfare-office', role: 'caseworker', teams: [] },
  } as const;
  type Who = keyof typeof staff;
  const post = (who: Who, route: string, body: object) => app.http().post(route).set('Authorization', `Bearer ${tokens[who]}`).send(body);
  const refer = (who: Who, body: object) => post(who, '/welfare-office/referrals', body);
  /** Someone new to this run, in a team. */
  const person = (teamId: string) => ({
    givenName: `Kari ${randomUUID().slice(0, 8)}`,
    familyName: 'Nordmann',
    birthDate: '1994-03-02',
    referredBy: 'DPS Lerkendal',
    teamId,
  });
  const referred = async (who: Who, body: object): Promise<string> => (await refer(who, body).expect(201)).body.participantId as string;
  const everything = async () => ({ events: (await app.store.readAll(0, 100_000)).length, outbox: (await app.store.readOutbox(0, 100_000)).length });
  const duplicateOf = async (who: Who, body: object): Promise<string[]> => {
    const before = await everything();
    const refused = await refer(who, body).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'REFERRAL.POSSIBLE_DUPLICATE', type: 'urn:ips:problem:REFERRAL.POSSIBLE_DUPLICATE' });
    expect(await everything()).toEqual(before);
    return (refused.body.duplicates as { participantId: string }[]).map((duplicate) => duplicate.participantId);
  };

  beforeAll(async () => {
    app = await startFeatureTestApp({ imports: [WelfareOfficeModule.withTeamRegistry({ useValue: teams })], now: NOW });
    for (const [sub, { agency, role, teams: theirs }] of Object.entries(staff)) {
      tokens[sub] = await app.token({ sub, agency, role });
      for (const teamId of theirs) teams.addMember(teamId, { sub, agency, role });
    }
    teams.define(alna, baerum);
  });
  afterAll(() => app?.close());

  it('warns of the same person in the same team, whatever the case and spacing of the names (409 naming them, nothing written)', async () => {
    const kari = person(alna);
    const first = await referred('cw-alna', kari);
    const retyped = { ...kari, givenName: `  ${kari.givenName.toUpperCase()} `, familyName: 'nordMANN' };
    expect(await duplicateOf('cw-alna', retyped)).toEqual([first]);
    // Another member of the team is warned too: the referral is the team's, not the referrer's.
    expect(await duplicateOf('sup-alna', kari)).toEqual([first]);
  });

  it('warns of the same person in another of the referrer’s teams, naming every one they may see', async () => {
    const kari = person(alna);
    const inAlna = await referred('cw-alna', kari);
    const inBaerum = await referred('cw-baerum', { ...kari, teamId: baerum });
    expect((await duplicateOf('es-both', { ...kari, teamId: baerum })).sort()).toEqual([inAlna, inBaerum].sort());
  });

  it("never tells of someone in a team the referrer does not work with: the other team's referral is made", async () => {
    const kari = person(alna);
    await referred('cw-alna', kari);
    await referred('cw-baerum', { ...kari, teamId: baerum });
    // A referrer on no team at all has no teams to look in.
    await referred('cw-none', kari);
  });

  it('makes the second record when the referrer confirms it is someone else (confirmNotDuplicate: true)', async () => {
    const kari = person(alna);
    const first = await referred('cw-alna', kari);
    const second = await referred('cw-alna', { ...kari, confirmNotDuplicate: true });
    expect(second).not.toBe(first);
    // Both are found from now on.
    expect((await duplicateOf('cw-alna', kari)).sort()).toEqual([first, second].sort());
    await referred('cw-alna', { ...kari, confirmNotDuplicate: false, birthDate: '1994-03-03' });
  });

  it('does not warn of another birth date or another name', async () => {
    const kari = person(alna);
    await referred('cw-alna', kari);
    await referred('cw-alna', { ...kari, birthDate: '1994-03-03' });
    await referred('cw-alna', { ...kari, familyName: 'Nordmo' });
  });

  it('forgets a withdrawn referral (withdraw-referral) and an erased participant (erase-participant)', async () => {
    const ola = person(alna);
    const withdrawn = await referred('cw-alna', ola);
    await post('cw-alna', `/welfare-office/participants/${withdrawn}/referral-withdrawal`, { reason: 'not now' }).expect(201);
    const again = await referred('cw-alna', ola);
    await post('sup-alna', `/welfare-office/participants/${again}/erasure`, {}).expect(201);
    await referred('cw-alna', ola);
  });

  it('follows a transfer: the participant is then found in the new team only', async () => {
    const liv = person(alna);
    const id = await referred('cw-alna', liv);
    await post('cw-alna', `/welfare-office/participants/${id}/transfer`, { toTeamId: baerum, reason: 'moved to Bærum' }).expect(201);
    expect(await duplicateOf('cw-baerum', { ...liv, teamId: baerum })).toEqual([id]);
    await referred('cw-alna', liv);
  });

  it('keeps a keyed hash per participant, never the name or the birth date', async () => {
    const kari = person(alna);
    const id = await referred('cw-alna', kari);
    const rows = await app.store.driver.query<{ participant_id: string; fingerprint: string; team_id: string }>(
      'select participant_id, fingerprint, team_id from wo_referral_fingerprints where participant_id = $1',
      [id],
    );
    expect(rows).toEqual([{ participant_id: id, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), team_id: alna }]);
    const dump = JSON.stringify(await app.store.driver.query('select * from wo_referral_fingerprints'));
    expect(dump).not.toContain('Nordmann');
    expect(dump).not.toContain('1994-03-02');
  });

  it('refuses a confirmNotDuplicate that is not true or false (400, nothing written)', async () => {
    const before = await everything();
    const refused = await refer('cw-alna', { ...person(alna), confirmNotDuplicate: 'yes' }).expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('confirmNotDuplicate');
    expect(await everything()).toEqual(before);
  });

  it('on its first start, finds the participants referred before the check existed (not those withdrawn or erased)', async () => {
    const kari = person(alna);
    /** Events recorded as before the check: straight to the store, no fingerprint kept. */
    const arrange = async (participantId: string, ...events: ParticipantEvent[]) => {
      for (const event of events) {
        const command = { type: 'Arrange', data: {}, metadata: metadataAt('2026-01-05T09:00:00.000Z') };
        expect(await app.pipeline.run(participantSlice, participantId, command, () => accept(event))).toMatchObject({ ok: true });
      }
    };
    const referral = (participantId: string): ParticipantEvent => ({
      type: 'ParticipantReferred',
      data: { participantId, ...kari, givenName: ` ${kari.givenName} `, reason: null, referredAt: '2026-01-05T09:00:00.000Z' },
    });
    const [open, withdrawn, erased, moved] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await arrange(open, referral(open));
    await arrange(withdrawn, referral(withdrawn), {
      type: 'ReferralWithdrawn',
      data: { participantId: withdrawn, reason: 'not now', at: '2026-01-06T09:00:00.000Z' },
    });
    await arrange(erased, referral(erased));
    await app.personalData.erase(erased);
    await arrange(erased, { type: 'ParticipantErased', data: { participantId: erased, at: '2026-01-07T09:00:00.000Z' } });
    await arrange(moved, referral(moved), {
      type: 'ParticipantTransferred',
      data: { participantId: moved, fromTeamId: alna, toTeamId: baerum, reason: 'moved', on: '2026-01-08', at: '2026-01-08T09:00:00.000Z' },
    });
    await referred('cw-alna', kari);

    await app.store.driver.query('update wo_referral_check_key set backfilled_at = null');
    await app.nest.get(ReferralFingerprints).onModuleInit();
    expect(await duplicateOf('cw-alna', kari)).toHaveLength(2);
    expect(await duplicateOf('cw-alna', kari)).toContain(open);
    expect(await duplicateOf('cw-baerum', { ...kari, teamId: baerum })).toEqual([moved]);
  });
});
