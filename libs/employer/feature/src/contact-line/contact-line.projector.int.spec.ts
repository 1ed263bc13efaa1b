import { randomUUID } from 'node:crypto';
import { systemClock } from '@ips/kernel';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PgliteDriver, migrate } from '@ips/postgres';
import { uuidv7 } from '@ips/utils';
import { defaultContactLineConfig } from './contact-line.config';
import { contactLineMigrations } from './contact-line.migrations';
import { ContactLineProjector } from './contact-line.projector';
import { DeliveryOutbox } from './delivery-outbox.projection';
import { listEmployers } from './employer-directory';
import { PlacementDirectory } from './placement-directory';
import { teamsOf } from './team-directory';

describe('the contact line projector and its directories (PGlite)', () => {
  let driver: PgliteDriver;
  let store: PostgresEventStore;
  const projectors: ContactLineProjector[] = [];

  const projector = async (catchUpTimeoutMs = 2_000): Promise<ContactLineProjector> => {
    const created = new ContactLineProjector(store.events, { driver }, { ...defaultContactLineConfig, catchUpTimeoutMs }, new DeliveryOutbox([], systemClock));
    await created.onModuleInit();
    projectors.push(created);
    return created;
  };
  const append = (streamId: string, type: string, data: Record<string, unknown>) =>
    store.append({ streamId, expectedVersion: 'any', events: [{ eventId: uuidv7(), type, data }] });
  const placementStarted = async () => {
    const entry = { placementId: randomUUID(), participantId: randomUUID(), employerId: randomUUID() };
    const data = { ...entry, jobTitle: 'Cook', startDate: '2026-02-16', hoursPerWeek: 20, hourlyWage: 230, recordedAt: '2026-02-10T09:00:00.000Z' };
    await append(`employer.participant-employment-${entry.participantId}`, 'PlacementStarted', data);
    return entry;
  };

  beforeAll(async () => {
    driver = await PgliteDriver.open();
    store = await PostgresEventStore.open(driver);
  });
  afterEach(async () => {
    for (const running of projectors.splice(0)) await running.onModuleDestroy();
  });
  afterAll(() => driver?.close());

  it('answers a miss while behind as "catching up" (503), never as "no such placement"', async () => {
    const idle = await projector(50);
    const entry = await placementStarted();
    const caughtUp = await idle.waitForHead();
    expect(caughtUp).toBe(false);
    await expect(new PlacementDirectory({ driver }).find(entry.placementId, caughtUp)).rejects.toMatchObject({
      problem: { status: 503, code: 'CONTACT_LINE.CATCHING_UP' },
    });
  });

  it('waits until the subscription has caught up with the head, then finds what was committed before', async () => {
    const running = await projector();
    const entry = await placementStarted();
    const waiting = running.waitForHead();
    setTimeout(() => running.onApplicationBootstrap(), 100); // the subscription starts late
    expect(await waiting).toBe(true);
    expect(await new PlacementDirectory({ driver }).find(entry.placementId, true)).toEqual(entry);
    expect(await running.waitForHead(0)).toBe(true);
  });

  it('says "no such placement" only once caught up', async () => {
    const running = await projector();
    running.onApplicationBootstrap();
    expect(await new PlacementDirectory({ driver }).find(randomUUID(), await running.waitForHead())).toBeNull();
  });

  it('moves a specialist to the team that names them last, and ignores other agencies’ events', async () => {
    const running = await projector();
    running.onApplicationBootstrap();
    const [north, south] = [randomUUID(), randomUUID()];
    const team = (teamId: string, ids: string[]) => ({
      teamId,
      name: 'IPS',
      timeZone: 'Europe/Oslo',
      employmentSpecialistIds: ids,
      definedAt: '2026-02-01T09:00:00.000Z',
    });
    await append(`employer.on-call-roster-${north}`, 'OnCallTeamDefined', team(north, ['es-a', 'es-b']));
    await append(`employer.on-call-roster-${south}`, 'OnCallTeamDefined', team(south, ['es-b']));
    await append(`welfare-office.on-call-roster-${south}`, 'OnCallTeamDefined', team(south, ['es-a']));
    await running.waitForHead();
    expect(await teamsOf(driver, ['es-a', 'es-b', 'es-c'])).toEqual(
      new Map([
        ['es-a', north],
        ['es-b', south],
      ]),
    );
    await append(`employer.on-call-roster-${north}`, 'OnCallTeamDefined', team(north, []));
    await running.waitForHead();
    expect(await teamsOf(driver, ['es-a'])).toEqual(new Map());
  });
  it('applies many requests in one batch as it would one by one: each request’s last view and deadline, one delivery per event and channel', async () => {
    const logged: string[] = [];
    const outbox = new DeliveryOutbox(
      [
        { channel: 'log', inProcess: true, notify: async (notification) => void logged.push(`${notification.requestId} ${notification.event}`) },
        { channel: 'webhook', notify: async () => undefined },
      ],
      systemClock,
    );
    const withChannels = new ContactLineProjector(store.events, { driver }, defaultContactLineConfig, outbox);
    const handedOver: string[] = [];
    withChannels.afterApply(() => handedOver.push(...outbox.handOverWritten().map((delivery) => delivery.deliveryId)));
    await withChannels.onModuleInit();
    projectors.push(withChannels);
    const fact = () => ({ requestId: randomUUID(), placementId: randomUUID(), participantId: randomUUID(), employerId: randomUUID() });
    const [quiet, acknowledged, lastTier] = [fact(), fact(), fact()];
    const received = (request: ReturnType<typeof fact>, tier: string) => ({
      ...request,
      tier,
      assigneeId: 'es-a',
      acknowledgeBy: '2026-03-02T21:15:00.000Z',
      urgency: 'urgent',
      message: 'sealed elsewhere',
      callbackPhone: '+4791234567',
      receivedAt: '2026-03-02T21:00:00.000Z',
    });
    const streamOf = (request: ReturnType<typeof fact>) => `employer.contact-request-${request.requestId}`;
    // All appended before the subscription starts, so they arrive in one batch.
    await append(streamOf(quiet), 'ContactRequestReceived', received(quiet, 'employment-specialist'));
    await append(streamOf(acknowledged), 'ContactRequestReceived', received(acknowledged, 'employment-specialist'));
    await append(streamOf(lastTier), 'ContactRequestReceived', received(lastTier, 'crisis-service'));
    await append(streamOf(acknowledged), 'ContactRequestEscalated', {
      ...acknowledged,
      tier: 'supervisor',
      assigneeId: 'sup-a',
      acknowledgeBy: '2026-03-02T21:30:00.000Z',
      level: 1,
      escalatedAt: '2026-03-02T21:15:00.000Z',
    });
    await append(streamOf(acknowledged), 'ContactRequestAcknowledged', {
      ...acknowledged,
      acknowledgedBy: 'sup-a',
      acknowledgedAt: '2026-03-02T21:18:00.000Z',
    });

    withChannels.onApplicationBootstrap();
    expect(await withChannels.waitForHead()).toBe(true);

    const views = await driver.query<{ request_id: string; status: string; tier: string }>('select request_id, status, tier from ecl_contact_requests');
    expect(new Map(views.map((row) => [row.request_id, [row.status, row.tier]]))).toEqual(
      new Map([
        [quiet.requestId, ['received', 'employment-specialist']],
        [acknowledged.requestId, ['acknowledged', 'supervisor']],
        [lastTier.requestId, ['received', 'crisis-service']],
      ]),
    );
    const due = await driver.query<{ request_id: string; level: number; next_tier: string }>('select request_id, level, next_tier from ecl_due_escalations');
    expect(due).toEqual([{ request_id: quiet.requestId, level: 1, next_tier: 'supervisor' }]);
    const sent = await driver.query<{ request_id: string; channel: string; notification: { event: string; status: string; tier: string } }>(
      `select request_id, channel, notification from ecl_deliveries where request_id = $1 order by notification->>'occurredAt', channel`,
      [acknowledged.requestId],
    );
    expect(sent.map((row) => [row.channel, row.notification.event, row.notification.status, row.notification.tier])).toEqual([
      ['log', 'contact-request.received', 'received', 'employment-specialist'],
      ['webhook', 'contact-request.received', 'received', 'employment-specialist'],
      ['log', 'contact-request.escalated', 'escalated', 'supervisor'],
      ['webhook', 'contact-request.escalated', 'escalated', 'supervisor'],
      ['log', 'contact-request.acknowledged', 'acknowledged', 'supervisor'],
      ['webhook', 'contact-request.acknowledged', 'acknowledged', 'supervisor'],
    ]);
    // The webhook's: written claimed by this process and handed to its worker once committed, so no worker claims them again now.
    const written = await driver.query<{ delivery_id: string; claimed: boolean }>(
      `select delivery_id, claimed_until > now() as claimed from ecl_deliveries where channel = 'webhook' and status = 'pending' and attempts = 0`,
    );
    expect(written).toHaveLength(5);
    expect(written.every((row) => row.claimed)).toBe(true);
    expect(handedOver.sort()).toEqual(written.map((row) => row.delivery_id).sort());
    // The log's (in-process): written delivered, one attempt, and handed over in the order of the events once committed.
    const delivered = await driver.query<{ n: number }>(
      `select count(*)::int as n from ecl_deliveries
        where channel = 'log' and status = 'delivered' and attempts = 1 and claimed_until is null and delivered_at is not null`,
    );
    expect(delivered).toEqual([{ n: 5 }]);
    expect(logged).toEqual([
      `${quiet.requestId} contact-request.received`,
      `${acknowledged.requestId} contact-request.received`,
      `${lastTier.requestId} contact-request.received`,
      `${acknowledged.requestId} contact-request.escalated`,
      `${acknowledged.requestId} contact-request.acknowledged`,
    ]);
  });
});

describe('the contact line upgraded from the subscription that kept its checkpoint in the store (PGlite)', () => {
  it('given a database where the line had applied events up to a checkpoint in the store’s table, when the projector starts, then it goes on after it: nothing applied twice, nothing skipped', async () => {
    const db = await PgliteDriver.open();
    try {
      const store = await PostgresEventStore.open(db);
      await migrate(db, { ...contactLineMigrations, migrations: contactLineMigrations.migrations.slice(0, 2) });
      const placed = async () => {
        const entry = { placementId: randomUUID(), participantId: randomUUID(), employerId: randomUUID() };
        const data = { ...entry, jobTitle: 'Cook', startDate: '2026-02-16', hoursPerWeek: 20, hourlyWage: 230, recordedAt: '2026-02-10T09:00:00.000Z' };
        await store.append({
          streamId: `employer.participant-employment-${entry.participantId}`,
          expectedVersion: 'any',
          events: [{ eventId: uuidv7(), type: 'PlacementStarted', data }],
        });
        return entry;
      };
      const before = await placed();
      // What the line's earlier subscription left: its checkpoint after `before` (whose read model is left out here, so
      // that applying it again would show).
      await db.query(`insert into es_checkpoints (name, position) values ('employer.contact-line', $1)`, [await store.head()]);

      const upgraded = new ContactLineProjector(store.events, { driver: db }, defaultContactLineConfig, new DeliveryOutbox([], systemClock));
      await upgraded.onModuleInit();
      await upgraded.onApplicationBootstrap();
      try {
        const after = await placed();
        expect(await upgraded.waitForHead()).toBe(true);
        expect(await new PlacementDirectory({ driver: db }).find(after.placementId, true)).toEqual(after);
        expect(await new PlacementDirectory({ driver: db }).find(before.placementId, true)).toBeNull();
      } finally {
        await upgraded.onModuleDestroy();
      }
    } finally {
      await db.close();
    }
  });
});

describe('the employer directory, added to a database that has employers already (PGlite)', () => {
  it('given employers registered before the directory existed, when its migration runs, then it lists them', async () => {
    const db = await PgliteDriver.open();
    try {
      const store = await PostgresEventStore.open(db);
      await migrate(db, { ...contactLineMigrations, migrations: contactLineMigrations.migrations.slice(0, 1) });
      const employerId = randomUUID();
      const registered = { employerId, name: 'Lade Bakeri', organisationNumber: '976543210', registeredAt: '2026-01-05T08:00:00.000Z' };
      await store.append({
        streamId: `employer.employer-${employerId}`,
        expectedVersion: 0,
        events: [{ eventId: uuidv7(), type: 'EmployerRegistered', data: registered }],
      });
      await store.append({
        streamId: `welfare-office.participant-${randomUUID()}`,
        expectedVersion: 0,
        events: [{ eventId: uuidv7(), type: 'ParticipantReferred', data: {} }],
      });

      await migrate(db, contactLineMigrations);

      expect(await listEmployers(db, undefined, 10)).toEqual([registered]);
    } finally {
      await db.close();
    }
  });
});
