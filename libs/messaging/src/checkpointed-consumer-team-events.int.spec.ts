import { randomUUID } from 'node:crypto';
import { SharedEvent, TeamEvent } from '@ips/contracts';
import { PgliteDriver } from '@ips/postgres';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { Delivery } from './message-bus.port';
import { deliveriesOf, referralEvent, teamMemberAddedEvent } from './testing';

const delivery = (event: SharedEvent | TeamEvent, position: number): Delivery => deliveriesOf([event], position)[0] as Delivery;

describe('checkpointed consumer: team events beside participant events', () => {
  let driver: PgliteDriver;
  let seen: string[];
  let deadLetters: string[];

  beforeEach(async () => {
    driver = await PgliteDriver.open();
    seen = [];
    deadLetters = [];
  });
  afterEach(() => driver.close());

  const consumer = (withTeamEvents: boolean) =>
    CheckpointedConsumer.create(driver, {
      name: 'reader',
      apply: async (event) => void seen.push(`participant ${event.type}`),
      ...(withTeamEvents ? { applyTeamEvent: async (event: TeamEvent) => void seen.push(`team ${event.type}`) } : {}),
      onDeadLetter: (_, reason) => deadLetters.push(reason),
    });

  it('given a consumer of participant events only, when team events come by, then it passes over them: no apply, no dead letter, the checkpoint moves', async () => {
    const reader = await consumer(false);
    const participant = randomUUID();
    await reader.handleBatch([delivery(referralEvent(participant, 1), 1), delivery(teamMemberAddedEvent(randomUUID(), 2), 2)]);
    await reader.handle(delivery(teamMemberAddedEvent(randomUUID(), 3), 3));
    expect(seen).toEqual(['participant ParticipantReferred']);
    expect(deadLetters).toEqual([]);
    expect(await reader.position('outbox:platform')).toBe(3);
  });

  it('given a consumer of both, when they come mixed, then each is applied once, in delivery order', async () => {
    const reader = await consumer(true);
    const participant = randomUUID();
    const team = randomUUID();
    const batch = [delivery(teamMemberAddedEvent(team, 1), 1), delivery(referralEvent(participant, 2), 2), delivery(teamMemberAddedEvent(team, 3, 'cw-1'), 3)];
    await reader.handleBatch(batch);
    await reader.handleBatch(batch);
    expect(seen).toEqual(['team TeamMemberAdded', 'participant ParticipantReferred', 'team TeamMemberAdded']);
  });

  it('given a team event that breaks its contract, when it comes by, then it goes to the dead letters with the reason', async () => {
    const reader = await consumer(true);
    const broken = { ...teamMemberAddedEvent(randomUUID(), 1), data: { sub: 'x' } } as TeamEvent;
    await reader.handle(delivery(broken, 1));
    expect(seen).toEqual([]);
    expect(deadLetters).toEqual(['invalid TeamMemberAdded.v1']);
  });
});
