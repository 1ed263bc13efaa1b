import { randomUUID } from 'node:crypto';
import { KnownTeamEvent, SharedEvent, TeamEvent, contractKey } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { CheckpointedConsumer, InProcessBus, startOutboxRelay } from '@ips/messaging';
import { referralEvent } from '@ips/messaging/testing';
import { PgliteDriver, SqlDriver } from '@ips/postgres';
import { TeamDirectory } from './team-directory';
import { TEAM_DIRECTORY_CONSUMER, createTeamDirectoryConsumer } from './team-directory.consumer';
import { applyTeamEvent } from './team-directory.projection';
import { deliveriesOf, directoryEngines, teamEvents } from './testing';

const { defined, added, ended } = teamEvents;
const engines = directoryEngines();

describe.each(engines)('the team directory on %s', (_, open) => {
  let db: SqlDriver;
  let drop: () => Promise<void>;
  let consumer: CheckpointedConsumer;
  let directory: TeamDirectory;
  let position: number;
  const deadLetters: string[] = [];

  /** What the bus would deliver: the events in one batch, after everything delivered before. */
  const deliver = async (...events: (KnownTeamEvent | TeamEvent | SharedEvent)[]): Promise<void> => {
    await consumer.handleBatch(deliveriesOf(events, position));
    position += events.length;
  };

  beforeAll(async () => {
    ({ driver: db, drop } = await open());
    consumer = await createTeamDirectoryConsumer(db, { onDeadLetter: (_delivery, reason) => deadLetters.push(reason) });
    directory = await TeamDirectory.open(db);
    position = 1;
  });
  afterAll(() => drop());
  beforeEach(() => {
    deadLetters.length = 0;
  });

  it('given no team yet, then none is defined', async () => {
    expect(await directory.anyTeamDefined()).toBe(false);
    expect(await directory.allTeams()).toEqual([]);
  });

  describe('a team and its members', () => {
    it('given a team defined and a member added from a day, then the member is current from that day on, not the day before', async () => {
      const teamId = randomUUID();
      await deliver(defined(teamId), added(teamId, 'es-ingrid', { displayName: 'Ingrid Solberg', from: '2026-01-05' }));

      expect(await directory.team(teamId)).toMatchObject({
        teamId,
        name: 'IPS Trondheim sentrum',
        municipality: 'Trondheim',
        timeZone: 'Europe/Oslo',
        definedAt: '2026-01-01T09:00:00.000Z',
        members: [
          {
            sub: 'es-ingrid',
            displayName: 'Ingrid Solberg',
            agency: 'welfare-office',
            role: 'employment-specialist',
            from: '2026-01-05',
            until: null,
            addedAt: '2026-01-02T09:00:00.000Z',
            endedAt: null,
          },
        ],
      });
      expect(await directory.isMember('es-ingrid', teamId, '2026-01-04')).toBe(false);
      expect(await directory.isMember('es-ingrid', teamId, '2026-01-05')).toBe(true);
      expect(await directory.isMember('es-ingrid', teamId, '2027-06-01')).toBe(true);
      expect((await directory.teamsOf('es-ingrid', '2026-01-05')).map(({ team, period, day }) => [team.teamId, period.from, day])).toEqual([
        [teamId, '2026-01-05', '2026-01-05'],
      ]);
      expect(await directory.teamsOf('es-ingrid', '2026-01-04')).toEqual([]);
    });

    it('given a membership ended on a day, then its last day is the day before, and the period stays in the history', async () => {
      const teamId = randomUUID();
      await deliver(defined(teamId), added(teamId, 'cw-ola', { from: '2026-01-05' }), ended(teamId, 'cw-ola', '2026-02-01'));

      expect(await directory.isMember('cw-ola', teamId, '2026-01-31')).toBe(true);
      expect(await directory.isMember('cw-ola', teamId, '2026-02-01')).toBe(false);
      expect((await directory.team(teamId))?.members).toEqual([
        expect.objectContaining({ sub: 'cw-ola', from: '2026-01-05', until: '2026-02-01', endedAt: '2026-02-01T09:00:00.000Z' }),
      ]);
    });

    it('given someone who left and joined again, then both periods are kept and only the one in force counts', async () => {
      const teamId = randomUUID();
      await deliver(
        defined(teamId),
        added(teamId, 'es-kari', { from: '2026-01-05' }),
        ended(teamId, 'es-kari', '2026-02-01'),
        added(teamId, 'es-kari', { from: '2026-03-01', role: 'caseworker' }, '2026-02-20T09:00:00.000Z'),
      );

      expect((await directory.team(teamId))?.members.map(({ from, until, role }) => [from, until, role])).toEqual([
        ['2026-01-05', '2026-02-01', 'employment-specialist'],
        ['2026-03-01', null, 'caseworker'],
      ]);
      expect(await directory.isMember('es-kari', teamId, '2026-01-20')).toBe(true);
      expect(await directory.isMember('es-kari', teamId, '2026-02-15')).toBe(false);
      expect(await directory.teamsOf('es-kari', '2026-02-15')).toEqual([]);
      expect((await directory.teamsOf('es-kari', '2026-03-01')).map(({ period }) => period.role)).toEqual(['caseworker']);
    });

    it('given a period ended on its first day and a new one from that same day, then both are kept', async () => {
      const teamId = randomUUID();
      await deliver(
        defined(teamId),
        added(teamId, 'mw-per', { agency: 'municipality', role: 'municipal-worker', from: '2026-01-05' }),
        ended(teamId, 'mw-per', '2026-01-05'),
        added(teamId, 'mw-per', { agency: 'municipality', role: 'supervisor', from: '2026-01-05' }),
      );

      expect((await directory.team(teamId))?.members.map(({ from, until, role }) => [from, until, role])).toEqual([
        ['2026-01-05', '2026-01-05', 'municipal-worker'],
        ['2026-01-05', null, 'supervisor'],
      ]);
      expect(await directory.isSupervisorOf('mw-per', teamId, '2026-01-05')).toBe(true);
    });

    it('given a supervisor and a member, then only the supervisor supervises, and only as staff of their own agency', async () => {
      const teamId = randomUUID();
      await deliver(
        defined(teamId),
        added(teamId, 'sup-anne', { agency: 'mental-health', role: 'supervisor' }),
        added(teamId, 'cl-bo', { agency: 'mental-health', role: 'clinician' }),
      );

      expect(await directory.isSupervisorOf('sup-anne', teamId, '2026-01-10')).toBe(true);
      expect(await directory.isSupervisorOf({ sub: 'sup-anne', agency: 'mental-health' }, teamId, '2026-01-10')).toBe(true);
      expect(await directory.isSupervisorOf({ sub: 'sup-anne', agency: 'welfare-office' }, teamId, '2026-01-10')).toBe(false);
      expect(await directory.isMember({ sub: 'cl-bo', agency: 'municipality' }, teamId, '2026-01-10')).toBe(false);
      expect(await directory.isSupervisorOf('cl-bo', teamId, '2026-01-10')).toBe(false);
      expect(await directory.isSupervisorOf('sup-anne', teamId, '2026-01-04')).toBe(false);
      expect(await directory.isMember('sup-anne', 'not-a-uuid', '2026-01-10')).toBe(false);
    });

    it('given several teams, then allTeams lists them by name, and teamsOf names each team the person is on', async () => {
      const [oslo, bergen] = [randomUUID(), randomUUID()];
      await deliver(
        defined(oslo, { name: 'ZZ IPS Oslo øst', municipality: 'Oslo' }),
        defined(bergen, { name: 'ZZ IPS Bergen', municipality: 'Bergen' }),
        added(oslo, 'es-lise'),
        added(bergen, 'es-lise'),
      );

      const names = (await directory.allTeams()).map((team) => team.name).filter((name) => name.startsWith('ZZ'));
      expect(names).toEqual(['ZZ IPS Bergen', 'ZZ IPS Oslo øst']);
      expect((await directory.teamsOf('es-lise', '2026-01-10')).map(({ team }) => team.name)).toEqual(['ZZ IPS Bergen', 'ZZ IPS Oslo øst']);
      expect((await directory.withMembers([bergen, 'not-a-uuid', randomUUID()])).map((team) => team.teamId)).toEqual([bergen]);
      expect(await directory.withMembers([])).toEqual([]);
      expect(await directory.team(randomUUID())).toBeNull();
      expect(await directory.teamExists(oslo)).toBe(true);
      expect(await directory.teamExists(randomUUID())).toBe(false);
      expect(await directory.teamExists('not-a-uuid')).toBe(false);
      expect(await directory.anyTeamDefined()).toBe(true);
    });
  });

  describe('redelivery and order', () => {
    it('given events delivered twice by the bus, then the directory is as after one delivery', async () => {
      const teamId = randomUUID();
      const events = [defined(teamId), added(teamId, 'es-ivar'), ended(teamId, 'es-ivar', '2026-02-01')];
      await deliver(...events);
      const once = await directory.team(teamId);
      await deliver(...events);
      expect(await directory.team(teamId)).toEqual(once);
    });

    it('given an ending applied again after the person joined again (past the consumer), then the new period stays open', async () => {
      const teamId = randomUUID();
      const end = ended(teamId, 'es-rune', '2026-02-01');
      await deliver(defined(teamId), added(teamId, 'es-rune'), end, added(teamId, 'es-rune', { from: '2026-03-01' }));

      await db.transaction((tx) => applyTeamEvent(end, tx));

      expect((await directory.team(teamId))?.members.map(({ from, until }) => [from, until])).toEqual([
        ['2026-01-05', '2026-02-01'],
        ['2026-03-01', null],
      ]);
    });

    it('given a newer definition, then it is in force; an older one arriving later does not undo it', async () => {
      const teamId = randomUUID();
      const first = defined(teamId, { name: 'IPS Trondheim' }, '2026-01-01T09:00:00.000Z');
      const renamed = defined(teamId, { name: 'IPS Trondheim sentrum', timeZone: 'Europe/Berlin' }, '2026-02-01T09:00:00.000Z');
      await deliver(first, renamed);
      expect(await directory.team(teamId)).toMatchObject({ name: 'IPS Trondheim sentrum', timeZone: 'Europe/Berlin', definedAt: '2026-02-01T09:00:00.000Z' });

      await deliver({ ...first, id: randomUUID() });
      expect(await directory.team(teamId)).toMatchObject({ name: 'IPS Trondheim sentrum', timeZone: 'Europe/Berlin' });
    });

    it('given participant events between team events, then all are applied in delivery order and the checkpoint moves past all', async () => {
      const teamId = randomUUID();
      const start = position;
      await deliver(referralEvent(randomUUID(), 1), defined(teamId), referralEvent(randomUUID(), 2), added(teamId, 'es-siv'));
      expect(await directory.isMember('es-siv', teamId, '2026-01-10')).toBe(true);
      expect(await consumer.position('outbox:platform')).toBe(start + 3);
      expect(deadLetters).toEqual([]);
    });

    it('given a team event of a version nobody knows, then the consumer dead-letters it and goes on', async () => {
      const teamId = randomUUID();
      await deliver({ ...defined(teamId, { name: 'IPS v9' }), version: 9 } as TeamEvent, defined(teamId));
      expect(deadLetters).toHaveLength(1);
      expect(await directory.team(teamId)).toMatchObject({ name: 'IPS Trondheim sentrum' });
    });
  });

  describe("the team's own day", () => {
    it('given an instant, then each team reads it as its own day: just after midnight in Oslo is still the day before in New York', async () => {
      const [oslo, newYork] = [randomUUID(), randomUUID()];
      await deliver(
        defined(oslo, { timeZone: 'Europe/Oslo' }),
        defined(newYork, { timeZone: 'America/New_York', name: 'IPS Brooklyn', municipality: 'New York' }),
        added(oslo, 'es-tz', { from: '2026-04-01' }),
        added(newYork, 'es-tz', { from: '2026-04-01' }),
      );
      // 22:30 UTC on 31 March: 00:30 on 1 April in Oslo (summer time, +2), 18:30 on 31 March in New York (-4).
      const at = new Date('2026-03-31T22:30:00.000Z');

      expect(await directory.isMember('es-tz', oslo, at)).toBe(true);
      expect(await directory.isMember('es-tz', newYork, at)).toBe(false);
      expect((await directory.teamsOf('es-tz', at)).map(({ team, day }) => [team.teamId, day])).toEqual([[oslo, '2026-04-01']]);
      expect(await directory.isMember('es-tz', oslo, new Date('2026-03-31T21:30:00.000Z'))).toBe(false);
      expect(await directory.isMember('es-tz', newYork, new Date('2026-04-01T04:00:00.000Z'))).toBe(true);
      // A day is taken as the team's day as given.
      expect(await directory.isMember('es-tz', newYork, '2026-04-01')).toBe(true);
    });

    it('given something that is not a day, then the question is refused', async () => {
      await expect(directory.isMember('es-tz', randomUUID(), '1 April')).resolves.toBe(false); // no such team: nothing to read it in
      const teamId = randomUUID();
      await deliver(defined(teamId), added(teamId, 'es-day'));
      await expect(directory.isMember('es-day', teamId, '1 April')).rejects.toThrow(RangeError);
    });
  });

  describe('read-your-writes: waitForHead', () => {
    let store: PostgresEventStore;
    let outboxDirectory: TeamDirectory;
    let written = 0;

    /** A team event written to this service's outbox, as the programme's command pipeline writes it. */
    const write = async (event: KnownTeamEvent): Promise<void> => {
      await store.append({
        streamId: `programme.team-${event.teamId}-${++written}`,
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: event.type, data: { teamId: event.teamId } }],
        outbox: [{ messageId: event.id, key: event.teamId, type: contractKey(event.type, event.version), payload: event as never }],
      });
    };

    beforeAll(async () => {
      store = await PostgresEventStore.open(db);
      outboxDirectory = await TeamDirectory.open(db, { outbox: store, catchUpTimeoutMs: 300 });
    });

    it('given nothing written, then it resolves at once', async () => {
      expect(await outboxDirectory.waitForHead()).toBe(true);
    });

    it('given a team event written, then it waits until the directory has it, and gives up after the bound', async () => {
      const teamId = randomUUID();
      const event = defined(teamId);
      await write(event);

      expect(await outboxDirectory.waitForHead(100)).toBe(false);
      // Waited for once: the next call does not wait for it again.
      const started = Date.now();
      expect(await outboxDirectory.waitForHead(2_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);

      const later = added(teamId, 'es-wait');
      await write(later);
      const waiting = outboxDirectory.waitForHead(5_000);
      setTimeout(() => void deliver(event, later), 50);
      expect(await waiting).toBe(true);
      expect(await directory.isMember('es-wait', teamId, '2026-01-10')).toBe(true);
    });

    it('given a participant event written, then it waits until the directory placed the participant (read-your-writes for work need)', async () => {
      const participant = referralEvent(randomUUID(), 1);
      await store.append({
        streamId: `welfare-office.participant-${participant.participantId}`,
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: 'ParticipantReferred', data: {} }],
        outbox: [{ messageId: participant.id, key: participant.participantId, type: 'ParticipantReferred.v1', payload: participant as never }],
      });
      const waiting = outboxDirectory.awaitOwnWrites(5_000);
      setTimeout(() => void deliver(participant), 50);
      expect(await waiting).toBe('applied');
      expect(await directory.teamOf(participant.participantId, new Date())).not.toBeNull();
      // Nothing written since: nothing to wait for.
      expect(await outboxDirectory.awaitOwnWrites(2_000)).toBe('none');
    });

    it('given an event of a type the directory does not read, then there is nothing to wait for', async () => {
      const participantId = randomUUID();
      await store.append({
        streamId: `welfare-office.participant-${participantId}`,
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: 'ContactRecorded', data: {} }],
        outbox: [{ messageId: randomUUID(), key: participantId, type: 'ContactRecorded.v1', payload: {} as never }],
      });
      expect(await outboxDirectory.awaitOwnWrites(2_000)).toBe('none');
    });
  });

  it('keeps its checkpoint under its own name', async () => {
    const [row] = await db.query<{ consumer: string }>('select distinct consumer from msg_consumer_checkpoints');
    expect(row?.consumer).toBe(TEAM_DIRECTORY_CONSUMER);
  });
});

describe('read-your-writes in one process: outbox, relay, in-process bus, directory', () => {
  it('given a team event committed, then waitForHead resolves once the relay has handed it to the directory', async () => {
    const db = await PgliteDriver.open();
    const store = await PostgresEventStore.open(db);
    const bus = new InProcessBus();
    const consumer = await createTeamDirectoryConsumer(db);
    await bus.subscribeBatches('team-directory', consumer.handleBatch);
    // A poll interval far beyond the bound: only the wake-up on commit can make it in time.
    const relay = startOutboxRelay(store, bus, { source: 'platform', pollIntervalMs: 60_000 });
    const directory = await TeamDirectory.open(db, { outbox: store, catchUpTimeoutMs: 3_000 });
    try {
      const teamId = randomUUID();
      const events = [defined(teamId), added(teamId, 'es-embedded')];
      await store.append({
        streamId: `programme.team-${teamId}`,
        expectedVersion: 0,
        events: events.map((event) => ({ eventId: randomUUID(), type: event.type, data: { teamId } })),
        outbox: events.map((event) => ({ messageId: event.id, key: teamId, type: contractKey(event.type, event.version), payload: event as never })),
      });

      expect(await directory.waitForHead()).toBe(true);
      expect(await directory.isMember('es-embedded', teamId, '2026-01-10')).toBe(true);
    } finally {
      await relay.stop();
      await bus.close();
      await db.close();
    }
  });
});
