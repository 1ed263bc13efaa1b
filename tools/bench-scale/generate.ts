/**
 * A country's data for the scale bench, written through the real command pipeline (deciders, slices, sealing with
 * the participant's key, shared events to the outbox in the same append) straight into the store: no HTTP.
 * The agencies' reactions (the employer and mental health noting enrolments, consents, employer links) run too,
 * delivered synchronously from each append's outbox messages, so placements are decided as they are in production.
 * The outbox is left for the platform's relay: the team view projects it when the platform starts.
 */
import { Logger } from '@nestjs/common';
import { CommandPipeline, Slice } from '@ips/command-pipeline';
import { decideRegisterEmployer, decideEndPlacement, decideStartPlacement } from '@ips/employer/domain';
import { employerSlice, participantEmploymentSlice } from '@ips/employer/feature';
import { AppendRequest, AppendResult, EventStore, OutboxMessage, PostgresEventStore } from '@ips/event-store';
import { decideClearRelapseFlag, decideRaiseRelapseFlag } from '@ips/mental-health/domain';
import { participantCareSlice } from '@ips/mental-health/feature';
import { BatchHandler, Delivery, DeliveryHandler, MessageBus, PublishableMessage } from '@ips/messaging';
import { decideAddTeamMember, decideDefineTeam } from '@ips/programme/domain';
import { teamSlice } from '@ips/programme/feature';
import { agencyServices, openDatabase, openKeyStore } from '@ips/runtime';
import { Command, Decision, DomainEvent } from '@ips/utils';
import {
  decideDischargeParticipant,
  decideEnrolParticipant,
  decideGiveConsent,
  decideRecordEmployerContact,
  decideRecordParticipantContact,
  decideReferParticipant,
  decideWithdrawReferral,
  unlessErased,
} from '@ips/welfare-office/domain';
import { participantSlice } from '@ips/welfare-office/feature';
import { Actor, CountryPlan, ParticipantPlan, Step, TeamPlan, planCountry } from './plan';

export interface GenerateOptions {
  readonly databaseUrl: string;
  readonly participants: number;
  readonly seed?: number;
  /** Participants written at once (each one's history in order). */
  readonly concurrency?: number;
  readonly end?: Date;
  readonly onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateProgress {
  readonly participantsDone: number;
  readonly participants: number;
  readonly commands: number;
  /** Domain events appended, the reactions' included. */
  readonly events: number;
  /** Shared events written to the outbox. */
  readonly outbox: number;
  readonly seconds: number;
}

export interface GenerateResult extends GenerateProgress {
  readonly plan: CountryPlan;
}

/** Appends through the real store and keeps each append's outbox messages by key, for the reactions. */
class RecordingStore implements EventStore {
  events = 0;
  outbox = 0;
  readonly pending = new Map<string, OutboxMessage[]>();
  constructor(private readonly inner: EventStore) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const result = await this.inner.append(request);
    this.events += request.events.length;
    for (const message of request.outbox ?? []) {
      this.outbox++;
      const list = this.pending.get(message.key) ?? [];
      list.push(message);
      this.pending.set(message.key, list);
    }
    return result;
  }
  readStream = (streamId: string) => this.inner.readStream(streamId);
  readAll = (afterPosition: number, limit: number) => this.inner.readAll(afterPosition, limit);
  readOutbox = (afterPosition: number, limit: number) => this.inner.readOutbox(afterPosition, limit);

  take(key: string): OutboxMessage[] {
    const list = this.pending.get(key) ?? [];
    this.pending.delete(key);
    return list;
  }
}

/** A bus the reactions subscribe to; the generator hands them each message as soon as it is appended. */
class DirectBus implements MessageBus {
  private readonly handlers: DeliveryHandler[] = [];
  private position = 0;
  async publish(_messages: readonly PublishableMessage[]): Promise<void> {}
  async subscribe(_group: string, handler: DeliveryHandler): Promise<void> {
    this.handlers.push(handler);
  }
  async subscribeBatches(_group: string, handler: BatchHandler): Promise<void> {
    this.handlers.push((delivery) => handler([delivery]));
  }
  async close(): Promise<void> {}
  async deliver(message: OutboxMessage): Promise<void> {
    const delivery: Delivery = {
      message: { id: message.messageId, key: message.key, type: message.type, payload: message.payload, source: 'bench-scale' },
      cursor: { stream: 'bench-scale', position: ++this.position },
    };
    for (const handler of this.handlers) await handler(delivery);
  }
}

type AnyDecide = (command: Command<string, object>, state: unknown) => Decision<DomainEvent>;
const slices: Record<Step['kind'], { slice: Slice<unknown, DomainEvent>; decide: AnyDecide; type: string }> = {
  refer: { slice: participantSlice as never, decide: unlessErased(decideReferParticipant) as never, type: 'ReferParticipant' },
  withdraw: { slice: participantSlice as never, decide: unlessErased(decideWithdrawReferral) as never, type: 'WithdrawReferral' },
  enrol: { slice: participantSlice as never, decide: unlessErased(decideEnrolParticipant) as never, type: 'EnrolParticipant' },
  consent: { slice: participantSlice as never, decide: unlessErased(decideGiveConsent) as never, type: 'GiveConsent' },
  contact: { slice: participantSlice as never, decide: unlessErased(decideRecordParticipantContact) as never, type: 'RecordParticipantContact' },
  'employer-contact': { slice: participantSlice as never, decide: unlessErased(decideRecordEmployerContact) as never, type: 'RecordEmployerContact' },
  discharge: { slice: participantSlice as never, decide: unlessErased(decideDischargeParticipant) as never, type: 'DischargeParticipant' },
  'raise-flag': { slice: participantCareSlice as never, decide: decideRaiseRelapseFlag as never, type: 'RaiseRelapseFlag' },
  'clear-flag': { slice: participantCareSlice as never, decide: decideClearRelapseFlag as never, type: 'ClearRelapseFlag' },
  'start-placement': { slice: participantEmploymentSlice as never, decide: decideStartPlacement as never, type: 'StartPlacement' },
  'end-placement': { slice: participantEmploymentSlice as never, decide: decideEndPlacement as never, type: 'EndPlacement' },
};

let correlation = 0;
const metadata = (actor: Actor, at: string) => ({
  actor: { sub: actor.sub, agency: actor.agency, role: actor.role },
  now: at,
  correlationId: `bench-scale-${++correlation}`,
});

/** Writes the plan's teams, employers and participants' histories into the database at `databaseUrl`. */
export async function generateCountry(options: GenerateOptions): Promise<GenerateResult> {
  const plan = planCountry({ participants: options.participants, seed: options.seed ?? 20261204, end: options.end ?? new Date('2026-12-01T09:00:00.000Z') });
  const config = { databaseUrl: options.databaseUrl, dataDir: '/nonexistent' };
  const [db, keys] = await Promise.all([openDatabase(config), openKeyStore(config, 'embedded')]);
  const started = Date.now();
  let commands = 0;
  let participantsDone = 0;
  try {
    const store = new RecordingStore(await PostgresEventStore.open(db));
    const pipeline = new CommandPipeline(store, keys.personalData);
    const bus = new DirectBus();
    const logger = new Logger('bench-scale');
    for (const service of agencyServices) for (const subscribe of service.reactions) await subscribe(bus, pipeline, logger);

    const run = async (kind: string, slice: Slice<unknown, DomainEvent>, id: string, type: string, data: object, decide: AnyDecide, actor: Actor, at: string, key: string): Promise<void> => {
      const outcome = await pipeline.run(slice, id, { type, data, metadata: metadata(actor, at) }, decide);
      commands++;
      if (!outcome.ok) throw new Error(`${kind} on ${id} refused: ${outcome.error.code} ${outcome.error.message}`);
      // The reactions, as the bus would deliver them (their own appends may publish in turn).
      for (let messages = store.take(key); messages.length > 0; messages = store.take(key)) {
        for (const message of messages) await bus.deliver(message);
      }
    };
    const progress = (): GenerateProgress => ({
      participantsDone,
      participants: plan.participants.length,
      commands,
      events: store.events,
      outbox: store.outbox,
      seconds: (Date.now() - started) / 1000,
    });

    // The programme: teams and their members, then each team's employers.
    await forEachLimit(plan.teams, options.concurrency ?? 16, async (team: TeamPlan) => {
      await run('define-team', teamSlice as never, team.teamId, 'DefineTeam', team.definition, decideDefineTeam as never, plan.administrator, team.definedAt, team.teamId);
      for (const person of team.members) {
        const by = person.role === 'supervisor' ? plan.administrator : (team.supervisor as Actor);
        await run('add-member', teamSlice as never, team.teamId, 'AddTeamMember', person.command, decideAddTeamMember as never, by, team.definedAt, team.teamId);
      }
      for (const employer of team.employers) {
        await run('register-employer', employerSlice as never, employer.employerId, 'RegisterEmployer', employer, decideRegisterEmployer as never, team.supervisor, team.definedAt, employer.employerId);
      }
    });

    let lastReport = Date.now();
    await forEachLimit(plan.participants, options.concurrency ?? 16, async (participant: ParticipantPlan) => {
      for (const step of participant.steps) {
        const { slice, decide, type } = slices[step.kind];
        await run(step.kind, slice, participant.participantId, type, step.data, decide, step.actor, step.at, participant.participantId);
      }
      participantsDone++;
      if (options.onProgress && Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        options.onProgress(progress());
      }
    });
    return { ...progress(), plan };
  } finally {
    await keys.close();
    await db.close();
  }
}

async function forEachLimit<T>(items: readonly T[], limit: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}
