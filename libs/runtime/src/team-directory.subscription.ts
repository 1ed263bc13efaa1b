import { Logger } from '@nestjs/common';
import { CheckpointedConsumer, MessageBus, busRecordSource } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { OwnOutbox, TeamDirectory, createTeamDirectoryConsumer } from '@ips/team-directory';

export interface SubscribedTeamDirectory {
  /** What the service's modules query (provided to them as `TeamDirectory`). */
  readonly directory: TeamDirectory;
  /** Its consumer, for `settled()`: caught up once it reached the end of every stream. */
  readonly consumer: CheckpointedConsumer;
}

export interface TeamDirectoryWiring {
  /** The consumer group: `teamDirectoryGroup()` embedded, `teamDirectoryGroup(service)` distributed. */
  readonly group: string;
  /** The service's own outbox (its event store): what the directory's `waitForHead` waits for. */
  readonly outbox: OwnOutbox;
  readonly logger: Logger;
}

/**
 * Every service's own copy of the teams (decision 27): its tables in the service's database, its consumer on the
 * service's bus, and the directory over both. Subscribe it before the other groups of the same bus: in one process
 * the bus hands each message to the groups in that order, so they see a team change no later than the directory.
 */
export async function subscribeTeamDirectory(db: SqlDriver, bus: MessageBus, { group, outbox, logger }: TeamDirectoryWiring): Promise<SubscribedTeamDirectory> {
  const consumer = await createTeamDirectoryConsumer(db, {
    onDeadLetter: (delivery, reason) => logger.warn(`team directory: dead letter ${delivery.message.id}: ${reason}`),
    onStopped: (reason) => logger.error(`team directory consumer (${group}) stopped: ${reason}`),
    ...(bus.sendToDeadLetters ? { deadLetterSink: (delivery, reason) => bus.sendToDeadLetters!(group, delivery, reason) } : {}),
  });
  await consumer.follow(busRecordSource(bus), group);
  return { directory: await TeamDirectory.open(db, { outbox }), consumer };
}
