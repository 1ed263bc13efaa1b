import { randomUUID } from 'node:crypto';
import { DEFAULT_TEAM_ID, KnownTeamEvent, SharedEvent, TeamEvent, contractKey } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { CheckpointedConsumer } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { BackfillResult } from './participant-directory.backfill';
import { TeamDirectory } from './team-directory';
import { applyParticipantEvent, createTeamDirectoryConsumer } from './team-directory.consumer';
import { deliveriesOf, directoryEngines, participantEvents, teamEvents } from './testing';

const { defined, added, ended } = teamEvents;
const { referredV1, referred, transferred, enrolled, discharged, treatmentLinked, municipalContact } = participantEvents;

const staff = (sub: string, agency = 'welfare-office', role = 'employment-specialist') => ({ sub, agency, role });
/** Noon in Oslo (winter time) on a day. */
const noon = (day: string): Date => new Date(`${day}T11:00:00.000Z`);

/** Everything the participant side of the directory holds, to compare before and after. */
async function snapshot(db: SqlDriver): Promise<unknown> {
  return {
    teams: await db.query(
      `select period_id, participant_id, team_id, to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(until_date, 'YYYY-MM-DD') as until_date
         from td_participant_teams order by period_id`,
    ),
    named: await db.query(`select event_id, relation, participant_id, sub, agency, since, until from td_named order by event_id, relation`),
  };
}

describe.each(directoryEngines())('the participant side of the team directory on %s', (_, open) => {
  let db: SqlDriver;
  let drop: () => Promise<void>;
  let consumer: CheckpointedConsumer;
  let directory: TeamDirectory;
  let position = 1;
  const deadLetters: string[] = [];

  const deliver = async (...events: (KnownTeamEvent | TeamEvent | SharedEvent)[]): Promise<void> => {
    await consumer.handleBatch(deliveriesOf(events, position));
    position += events.length;
  };

  /** Two teams in Oslo with a member each, from 5 January. */
  const twoTeams = async (): Promise<{ a: string; b: string; memberOfA: string; memberOfB: string }> => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [memberOfA, memberOfB] = [`cw-a-${a.slice(0, 8)}`, `cw-b-${b.slice(0, 8)}`];
    await deliver(
      defined(a, { name: 'IPS Trondheim sentrum' }),
      defined(b, { name: 'IPS Bergen' }),
      added(a, memberOfA, { role: 'caseworker', from: '2026-01-05' }),
      added(b, memberOfB, { role: 'caseworker', from: '2026-01-05' }),
    );
    return { a, b, memberOfA, memberOfB };
  };

  beforeAll(async () => {
    ({ driver: db, drop } = await open());
    consumer = await createTeamDirectoryConsumer(db, { onDeadLetter: (_delivery, reason) => deadLetters.push(reason) });
    directory = await TeamDirectory.open(db);
  });
  afterAll(() => drop());
  beforeEach(() => {
    deadLetters.length = 0;
  });

  describe('while no team is defined (a deployment from before teams)', () => {
    it('given staff of a team agency, then they are a member for every participant, in the default team; others are not', async () => {
      const participantId = randomUUID();
      await deliver(referredV1(participantId));

      expect(await directory.anyTeamDefined()).toBe(false);
      expect(await directory.relationTo(staff('cw-anyone', 'welfare-office', 'caseworker'), participantId, noon('2026-01-12'))).toBe('member');
      expect(await directory.relationTo(staff('cl-anyone', 'mental-health', 'clinician'), randomUUID(), noon('2026-01-12'))).toBe('member');
      expect(await directory.relationTo(staff('sup', 'municipality', 'supervisor'), participantId, noon('2026-01-12'))).toBe('member');
      expect(await directory.relationTo({ sub: 'emp-1', agency: 'employer', role: 'employer' }, participantId, noon('2026-01-12'))).toBeNull();
      expect(await directory.relationTo({ sub: participantId, agency: 'participant', role: 'participant' }, participantId, noon('2026-01-12'))).toBeNull();
      expect(await directory.relationTo({ sub: 'adm-1', agency: 'programme', role: 'administrator' }, participantId, noon('2026-01-12'))).toBeNull();
      expect(await directory.relationTo({ sub: 'svc', agency: 'welfare-office', role: 'service' }, participantId, noon('2026-01-12'))).toBeNull();

      expect(await directory.teamsOfReader(staff('cw-anyone'), noon('2026-01-12'))).toEqual([DEFAULT_TEAM_ID]);
      expect(await directory.teamsOfReader({ sub: 'emp-1', agency: 'employer', role: 'employer' }, noon('2026-01-12'))).toEqual([]);
      expect(await directory.participantsOf([DEFAULT_TEAM_ID], noon('2026-01-12'))).toContain(participantId);
    });

    it('given a referral before teams (v1), then the participant is in the default team from its day (UTC: the team is not defined)', async () => {
      const participantId = randomUUID();
      await deliver(referredV1(participantId, '2026-01-10T23:30:00.000Z'));

      expect(await directory.teamOf(participantId, '2026-01-09')).toBeNull();
      expect(await directory.teamOf(participantId, '2026-01-10')).toBe(DEFAULT_TEAM_ID);
      expect(await directory.teamOf(participantId, noon('2027-01-01'))).toBe(DEFAULT_TEAM_ID);
      expect(await directory.teamOf(randomUUID(), '2026-01-10')).toBeNull();
      expect(await directory.teamOf('not-a-uuid', '2026-01-10')).toBeNull();
    });
  });

  describe('once teams are defined', () => {
    it('given the first team defined, then membership counts: staff who are neither members nor named are not related', async () => {
      const before = randomUUID();
      await deliver(referredV1(before));
      const { a, memberOfA } = await twoTeams();
      const participantId = randomUUID();
      await deliver(referred(participantId, a));

      expect(await directory.relationTo(staff('cw-anyone', 'welfare-office', 'caseworker'), participantId, noon('2026-01-12'))).toBeNull();
      expect(await directory.relationTo(staff(memberOfA, 'welfare-office', 'caseworker'), participantId, noon('2026-01-12'))).toBe('member');
      // The participants from before are in the default team, which has no members until the administrator names them.
      expect(await directory.relationTo(staff(memberOfA, 'welfare-office', 'caseworker'), before, noon('2026-01-12'))).toBeNull();
      expect(await directory.teamsOfReader(staff('cw-anyone'), noon('2026-01-12'))).toEqual([]);
      expect(await directory.relationTo(staff(memberOfA), randomUUID(), noon('2026-01-12'))).toBeNull();
      expect(await directory.relationTo(staff(memberOfA), 'not-a-uuid', noon('2026-01-12'))).toBeNull();
    });

    it('given the default team defined with members (the upgrade step), then they are members for the participants from before', async () => {
      const before = randomUUID();
      await deliver(referredV1(before, '2026-01-03T09:00:00.000Z'));
      await deliver(defined(DEFAULT_TEAM_ID, { name: 'IPS (before teams)' }), added(DEFAULT_TEAM_ID, 'es-default', { from: '2026-01-05' }));

      expect(await directory.relationTo(staff('es-default'), before, noon('2026-01-04'))).toBeNull();
      expect(await directory.relationTo(staff('es-default'), before, noon('2026-01-05'))).toBe('member');
      expect(await directory.teamsOfReader(staff('es-default'), noon('2026-01-05'))).toEqual([DEFAULT_TEAM_ID]);
      expect(await directory.participantsOf([DEFAULT_TEAM_ID], noon('2026-01-05'))).toContain(before);
    });

    it("given a referral to a team (v2), then the participant is in that team from the referral's day in the team's time zone", async () => {
      const { a, memberOfA } = await twoTeams();
      const participantId = randomUUID();
      // 23:30 UTC on 10 January is 00:30 on 11 January in Oslo.
      await deliver(referred(participantId, a, '2026-01-10T23:30:00.000Z'));

      expect(await directory.teamOf(participantId, '2026-01-10')).toBeNull();
      expect(await directory.teamOf(participantId, '2026-01-11')).toBe(a);
      expect(await directory.teamOf(participantId, new Date('2026-01-10T23:30:00.000Z'))).toBe(a);
      expect(await directory.relationTo(staff(memberOfA, 'welfare-office', 'caseworker'), participantId, new Date('2026-01-10T22:30:00.000Z'))).toBeNull();
      expect(await directory.relationTo(staff(memberOfA, 'welfare-office', 'caseworker'), participantId, new Date('2026-01-10T23:30:00.000Z'))).toBe('member');
      expect(await directory.participantsOf([a], noon('2026-01-11'))).toEqual([participantId]);
      expect(await directory.participantsOf([a, 'not-a-uuid'], noon('2026-01-10'))).toEqual([]);
      expect(await directory.participantsOf([], noon('2026-01-11'))).toEqual([]);
    });

    it('given a transfer, then the team changes on its day: old-team members lose the relation from then, named people keep it', async () => {
      const { a, b, memberOfA, memberOfB } = await twoTeams();
      const participantId = randomUUID();
      const specialist = `es-${participantId.slice(0, 8)}`;
      await deliver(
        added(a, specialist, { from: '2026-01-05' }),
        referred(participantId, a),
        enrolled(participantId, specialist, 'cp-transfer'),
        transferred(participantId, a, b, '2026-03-01'),
      );

      expect(await directory.teamOf(participantId, '2026-02-28')).toBe(a);
      expect(await directory.teamOf(participantId, '2026-03-01')).toBe(b);
      const memberA = staff(memberOfA, 'welfare-office', 'caseworker');
      const memberB = staff(memberOfB, 'welfare-office', 'caseworker');
      expect(await directory.relationTo(memberA, participantId, noon('2026-02-28'))).toBe('member');
      expect(await directory.relationTo(memberA, participantId, noon('2026-03-01'))).toBeNull();
      expect(await directory.relationTo(memberB, participantId, noon('2026-02-28'))).toBeNull();
      expect(await directory.relationTo(memberB, participantId, noon('2026-03-01'))).toBe('member');
      // The specialist is on team A and named: a member while the participant is there, named after.
      expect(await directory.relationTo(staff(specialist), participantId, noon('2026-02-28'))).toBe('member');
      expect(await directory.relationTo(staff(specialist), participantId, noon('2026-03-01'))).toBe('named');
      expect(await directory.relationTo(staff('cp-transfer', 'welfare-office', 'caseworker'), participantId, noon('2026-03-01'))).toBe('named');
      expect(await directory.participantsOf([a], noon('2026-02-28'))).toContain(participantId);
      expect(await directory.participantsOf([a], noon('2026-03-01'))).not.toContain(participantId);
      expect(await directory.participantsOf([b], noon('2026-03-01'))).toEqual([participantId]);
      expect(await directory.participantsOf([a, b], noon('2026-03-01'))).toContain(participantId);
    });

    it("given a transfer dated the referral's UTC day, which in the team's zone is the day before its first, then the transfer wins", async () => {
      const { a, b } = await twoTeams();
      const participantId = randomUUID();
      // Referred at 00:30 on 11 January in Oslo; the welfare office dates the team period by the UTC day, the 10th.
      await deliver(referred(participantId, a, '2026-01-10T23:30:00.000Z'), transferred(participantId, a, b, '2026-01-10', '2026-01-11T09:00:00.000Z'));

      expect(await directory.teamOf(participantId, '2026-01-10')).toBe(b);
      expect(await directory.teamOf(participantId, '2026-01-11')).toBe(b);
      expect(await directory.participantsOf([a], noon('2026-01-11'))).toEqual([]);
    });

    it('given a transfer of a participant from before teams whose referral the directory never saw, then they are in the new team from its day', async () => {
      const { b, memberOfB } = await twoTeams();
      const participantId = randomUUID();
      await deliver(transferred(participantId, DEFAULT_TEAM_ID, b, '2026-02-01'));

      expect(await directory.teamOf(participantId, '2026-01-31')).toBeNull();
      expect(await directory.teamOf(participantId, '2026-02-01')).toBe(b);
      expect(await directory.relationTo(staff(memberOfB, 'welfare-office', 'caseworker'), participantId, noon('2026-02-01'))).toBe('member');
    });

    it('given a supervisor of the team, then they are a member; of another team, not', async () => {
      const { a, b } = await twoTeams();
      const participantId = randomUUID();
      await deliver(added(a, 'sup-a', { agency: 'mental-health', role: 'supervisor' }), added(b, 'sup-b', { role: 'supervisor' }), referred(participantId, a));

      expect(await directory.relationTo(staff('sup-a', 'mental-health', 'supervisor'), participantId, noon('2026-01-12'))).toBe('member');
      expect(await directory.relationTo(staff('sup-b', 'welfare-office', 'supervisor'), participantId, noon('2026-01-12'))).toBeNull();
      expect(await directory.teamsOfReader(staff('sup-a', 'mental-health', 'supervisor'), noon('2026-01-12'))).toEqual([a]);
    });

    it('given a member who left the team, then they lose the relation on the end day', async () => {
      const { a } = await twoTeams();
      const participantId = randomUUID();
      await deliver(added(a, 'cw-leaving', { role: 'caseworker', from: '2026-01-05' }), referred(participantId, a), ended(a, 'cw-leaving', '2026-02-15'));

      const leaving = staff('cw-leaving', 'welfare-office', 'caseworker');
      expect(await directory.relationTo(leaving, participantId, noon('2026-02-14'))).toBe('member');
      expect(await directory.relationTo(leaving, participantId, noon('2026-02-15'))).toBeNull();
      // 23:30 UTC on 14 February is already the 15th in Oslo.
      expect(await directory.relationTo(leaving, participantId, new Date('2026-02-14T23:30:00.000Z'))).toBeNull();
      expect(await directory.teamsOfReader(leaving, noon('2026-02-14'))).toEqual([a]);
      expect(await directory.teamsOfReader(leaving, noon('2026-02-15'))).toEqual([]);
    });

    it('given someone with the same sub at another agency, then they are neither named nor a member', async () => {
      const { a } = await twoTeams();
      const participantId = randomUUID();
      await deliver(
        added(a, 'same-sub', { agency: 'municipality', role: 'municipal-worker' }),
        referred(participantId, a),
        enrolled(participantId, 'es-same', 'cp-same'),
      );

      expect(await directory.relationTo(staff('es-same'), participantId, noon('2026-02-01'))).toBe('named');
      expect(await directory.relationTo(staff('es-same', 'mental-health', 'clinician'), participantId, noon('2026-02-01'))).toBeNull();
      expect(await directory.relationTo(staff('es-same', 'municipality', 'municipal-worker'), participantId, noon('2026-02-01'))).toBeNull();
      expect(await directory.participantsNaming(staff('es-same', 'mental-health', 'clinician'))).toEqual([]);
      expect(await directory.relationTo(staff('same-sub', 'municipality', 'municipal-worker'), participantId, noon('2026-02-01'))).toBe('member');
      expect(await directory.relationTo(staff('same-sub', 'welfare-office', 'caseworker'), participantId, noon('2026-02-01'))).toBeNull();
      expect(await directory.teamsOfReader(staff('same-sub', 'welfare-office', 'caseworker'), noon('2026-02-01'))).toEqual([]);
    });
  });

  describe('people named on the record', () => {
    it('given an enrolment, then the employment specialist and the contact person are named from its moment, by sub and agency', async () => {
      const { a } = await twoTeams();
      const participantId = randomUUID();
      await deliver(referred(participantId, a), enrolled(participantId, 'es-named', 'cp-named', '2026-01-20T09:00:00.000Z'));

      expect(await directory.relationTo(staff('es-named'), participantId, new Date('2026-01-20T08:59:59.000Z'))).toBeNull();
      expect(await directory.relationTo(staff('es-named'), participantId, new Date('2026-01-20T09:00:00.000Z'))).toBe('named');
      expect(await directory.relationTo(staff('cp-named', 'welfare-office', 'caseworker'), participantId, noon('2026-01-21'))).toBe('named');
      expect(await directory.participantsNaming(staff('es-named'))).toEqual([participantId]);
      expect(await directory.participantsNaming(staff('es-named'), noon('2026-01-19'))).toEqual([]);
      expect(await directory.participantsNaming(staff('es-named'), noon('2026-01-21'))).toEqual([participantId]);
    });

    it('given a later enrolment, then it replaces both named people from its moment', async () => {
      const { a } = await twoTeams();
      const participantId = randomUUID();
      await deliver(
        referred(participantId, a),
        enrolled(participantId, 'es-first', 'cp-first', '2026-01-20T09:00:00.000Z'),
        enrolled(participantId, 'es-second', 'cp-second', '2026-03-01T09:00:00.000Z'),
      );

      expect(await directory.relationTo(staff('es-first'), participantId, noon('2026-02-01'))).toBe('named');
      expect(await directory.relationTo(staff('es-first'), participantId, noon('2026-03-01'))).toBeNull();
      expect(await directory.relationTo(staff('cp-first'), participantId, noon('2026-03-01'))).toBeNull();
      expect(await directory.relationTo(staff('es-second'), participantId, noon('2026-03-01'))).toBe('named');
      expect(await directory.relationTo(staff('cp-second'), participantId, noon('2026-03-01'))).toBe('named');
      expect(await directory.participantsNaming(staff('es-first'))).toEqual([]);
      expect(await directory.participantsNaming(staff('es-first'), noon('2026-02-01'))).toEqual([participantId]);
    });

    it('given a clinician linked and a later link, then the later clinician replaces the first; a clinician outside the team keeps access', async () => {
      const { a, b } = await twoTeams();
      const participantId = randomUUID();
      await deliver(
        referred(participantId, a),
        treatmentLinked(participantId, 'cl-first', '2026-01-15T09:00:00.000Z'),
        transferred(participantId, a, b, '2026-02-01'),
        discharged(participantId, '2026-02-10T09:00:00.000Z'),
      );
      const clinician = staff('cl-first', 'mental-health', 'clinician');
      // On no team, transferred and discharged: still named, the record stays theirs to read.
      expect(await directory.relationTo(clinician, participantId, noon('2026-01-16'))).toBe('named');
      expect(await directory.relationTo(clinician, participantId, noon('2026-03-01'))).toBe('named');

      await deliver(treatmentLinked(participantId, 'cl-second', '2026-04-01T09:00:00.000Z'));
      expect(await directory.relationTo(clinician, participantId, noon('2026-03-31'))).toBe('named');
      expect(await directory.relationTo(clinician, participantId, noon('2026-04-01'))).toBeNull();
      expect(await directory.relationTo(staff('cl-second', 'mental-health', 'clinician'), participantId, noon('2026-04-01'))).toBe('named');
      expect(await directory.relationTo(staff('cl-second', 'welfare-office', 'caseworker'), participantId, noon('2026-04-01'))).toBeNull();
    });

    it('given a municipal contact assigned, then they are named (municipality)', async () => {
      const { a } = await twoTeams();
      const participantId = randomUUID();
      await deliver(referred(participantId, a), municipalContact(participantId, 'mw-contact'));

      expect(await directory.relationTo(staff('mw-contact', 'municipality', 'municipal-worker'), participantId, noon('2026-01-17'))).toBe('named');
      expect(await directory.participantsNaming(staff('mw-contact', 'municipality', 'municipal-worker'))).toEqual([participantId]);
    });

    it('given two namings that arrive in the wrong order, then the later one (by its moment) is in force', async () => {
      const participantId = randomUUID();
      const first = treatmentLinked(participantId, 'cl-early', '2026-01-15T09:00:00.000Z');
      const second = treatmentLinked(participantId, 'cl-late', '2026-02-15T09:00:00.000Z');
      await deliver(second, first);

      expect(await directory.relationTo(staff('cl-early', 'mental-health', 'clinician'), participantId, noon('2026-02-01'))).toBe('named');
      expect(await directory.relationTo(staff('cl-early', 'mental-health', 'clinician'), participantId, noon('2026-02-16'))).toBeNull();
      expect(await directory.relationTo(staff('cl-late', 'mental-health', 'clinician'), participantId, noon('2026-02-16'))).toBe('named');
    });
  });

  describe('redelivery', () => {
    it('given every kind of event delivered again, by the bus or applied again past the consumer, then nothing changes', async () => {
      const { a, b } = await twoTeams();
      const participantId = randomUUID();
      const events = [
        referred(participantId, a),
        treatmentLinked(participantId, 'cl-redelivered'),
        municipalContact(participantId, 'mw-redelivered'),
        enrolled(participantId, 'es-redelivered', 'cp-redelivered'),
        transferred(participantId, a, b, '2026-03-01'),
        enrolled(participantId, 'es-redelivered-2', 'cp-redelivered'),
      ];
      await deliver(...events);
      const once = await snapshot(db);

      await deliver(...events);
      expect(await snapshot(db)).toEqual(once);
      for (const event of events) await db.transaction((tx) => applyParticipantEvent(event, tx));
      expect(await snapshot(db)).toEqual(once);
      expect(await directory.teamOf(participantId, '2026-03-01')).toBe(b);
    });

    it('given a referral applied again after the team it names was defined, then the day it was read as stands', async () => {
      const teamId = randomUUID();
      const participantId = randomUUID();
      const referral = referred(participantId, teamId, '2026-01-10T23:30:00.000Z');
      await deliver(referral, defined(teamId, { timeZone: 'Europe/Oslo' }));
      await db.transaction((tx) => applyParticipantEvent(referral, tx));

      expect(await directory.teamOf(participantId, '2026-01-10')).toBe(teamId);
    });

    it('given a version of a projected event nobody knows, then the consumer dead-letters it and goes on', async () => {
      const participantId = randomUUID();
      const { a } = await twoTeams();
      await deliver({ ...enrolled(participantId, 'es-v9', 'cp-v9'), version: 9 } as SharedEvent, referred(participantId, a));

      expect(deadLetters).toHaveLength(1);
      expect(await directory.teamOf(participantId, '2026-01-12')).toBe(a);
    });
  });
});

describe.each(directoryEngines())('a database from before the directory read participant events, on %s', (_, open) => {
  it('given participant events in the outbox, then opening the directory applies them once; the bus delivering them too changes nothing', async () => {
    const { driver: db, drop } = await open();
    try {
      const store = await PostgresEventStore.open(db);
      const participantId = randomUUID();
      const events = [referredV1(participantId, '2026-01-03T09:00:00.000Z'), enrolled(participantId, 'es-old', 'cp-old')];
      await store.append({
        streamId: `welfare-office.participant-${participantId}`,
        expectedVersion: 0,
        events: events.map((event) => ({ eventId: randomUUID(), type: event.type, data: {} })),
        outbox: events.map((event) => ({ messageId: event.id, key: participantId, type: contractKey(event.type, event.version), payload: event as never })),
      });
      const unknownVersion = { ...treatmentLinked(participantId, 'cl-v9'), version: 9 } as SharedEvent;
      await store.append({
        streamId: `mental-health.participant-${participantId}`,
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: 'TreatmentTeamLinked', data: {} }],
        outbox: [{ messageId: unknownVersion.id, key: participantId, type: 'TreatmentTeamLinked.v9', payload: unknownVersion as never }],
      });
      // The directory's consumer, subscribed before the directory opens (as a service wires them): it got none of them.
      const consumer = await createTeamDirectoryConsumer(db);

      const results: BackfillResult[] = [];
      const directory = await TeamDirectory.open(db, { outbox: store, onBackfill: (result) => results.push(result) });
      expect(results).toEqual([{ applied: 2, skipped: 1 }]);
      expect(await directory.teamOf(participantId, '2026-01-03')).toBe(DEFAULT_TEAM_ID);
      expect(await directory.participantsNaming(staff('es-old'))).toEqual([participantId]);
      const once = await snapshot(db);

      await TeamDirectory.open(db, { outbox: store, onBackfill: (result) => results.push(result) });
      expect(results[1]).toEqual({ applied: 0, skipped: 0 });
      await consumer.handleBatch(deliveriesOf(events, 1));
      expect(await snapshot(db)).toEqual(once);
    } finally {
      await drop();
    }
  });

  it('given participant events in the outbox and nobody listening for the backfill (as the runtime opens it), then it backfills all the same', async () => {
    const { driver: db, drop } = await open();
    try {
      const store = await PostgresEventStore.open(db);
      const participantId = randomUUID();
      const event = referredV1(participantId, '2026-01-03T09:00:00.000Z');
      await store.append({
        streamId: `welfare-office.participant-${participantId}`,
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: event.type, data: {} }],
        outbox: [{ messageId: event.id, key: participantId, type: contractKey(event.type, event.version), payload: event as never }],
      });
      const directory = await TeamDirectory.open(db, { outbox: store });
      expect(await directory.teamOf(participantId, '2026-01-03')).toBe(DEFAULT_TEAM_ID);
    } finally {
      await drop();
    }
  });
});
