import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { Commands } from '@ips/command-pipeline';
import {
  ContactRequestEvent,
  ContactRequestState,
  Urgency,
  contactRequestAggregate,
  decideSubmitContactRequest,
  employmentSpecialistOf,
  normalisePhone,
  participantEmploymentAggregate,
  placementOf,
} from '@ips/employer/domain';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { ProblemException } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { Command, Decision, streamId } from '@ips/kernel';
import { ContactLineConfig } from './contact-line/contact-line.config';
import { ContactLineProjector } from './contact-line/contact-line.projector';
import { CONTACT_LINE_CONFIG } from './contact-line/contact-line.tokens';
import { lineReaderOf, mayReach, requestNotFound } from './contact-line/contact-line-access';
import { ContactRequestRecord, evolveContactRequestView, openViews } from './contact-line/contact-request.view';
import { OnDutyDirectory } from './contact-line/on-duty.directory';
import { PlacementDirectory } from './contact-line/placement-directory';
import { asDomainEvent, foldRecorded } from './contact-line/recorded';
import { assertActsFor } from './employer-access';
import { contactRequestSlice } from './contact-request.slice';

export interface ContactRequestIntake {
  readonly placementId: string;
  readonly urgency: Urgency;
  readonly message: string;
  readonly callbackPhone: string;
}

/** Contact-request commands: each request's stream is the aggregate. */
@Injectable()
export class ContactRequestCommands {
  constructor(
    private readonly commands: Commands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    private readonly projector: ContactLineProjector,
    private readonly placements: PlacementDirectory,
    private readonly onDuty: OnDutyDirectory,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  /** Finds the placement's participant and employer, and who is on duty for their team now, then decides. */
  /** `fresh`: the request id was made just now at random, so its stream needs no reading (see RunOptions.newStream). */
  async submit(requestId: string, intake: ContactRequestIntake, principal: Principal, correlationId?: string, fresh = false): Promise<void> {
    // A placement never changes participant or employer, so a directory hit is final; only a miss waits
    // until everything committed before this request is in the directories (read-your-writes).
    const entry =
      (await this.placements.find(intake.placementId, true)) ?? (await this.placements.find(intake.placementId, await this.projector.waitForHead()));
    if (entry) assertActsFor(principal, entry.employerId);
    const history = entry ? await this.read(participantEmploymentAggregate.category, entry.participantId) : [];
    const employment = foldRecorded(participantEmploymentAggregate, history);
    const placement = placementOf(employment, intake.placementId);
    const specialistId = employmentSpecialistOf(employment);
    const now = this.clock.now().toISOString();
    await this.commands.execute(
      contactRequestSlice,
      requestId,
      'SubmitContactRequest',
      {
        requestId,
        ...intake,
        placement: placement && entry ? { participantId: entry.participantId, employerId: placement.employerId, ended: placement.status === 'Ended' } : null,
        onDuty: await this.onDuty.at(entry?.participantId ?? null, specialistId, now, 'employment-specialist'),
        specialistId,
        acknowledgeWithin: this.config.acknowledgeWithin,
      },
      decideSubmitContactRequest,
      principal,
      correlationId,
      { newStream: fresh },
    );
  }

  /**
   * A retry with the key of a request already received: the same request (placement, urgency, words, phone) is
   * answered as the first time; other content under the same key is the client's mistake (422), never a second request.
   */
  async assertSameAsReceived(requestId: string, intake: ContactRequestIntake, principal: Principal): Promise<void> {
    const [received] = await openViews(this.personalData, [await this.view(requestId, principal)]);
    const same =
      received?.placementId === intake.placementId &&
      received.urgency === intake.urgency &&
      received.message === intake.message &&
      received.callbackPhone === normalisePhone(intake.callbackPhone);
    if (!same) {
      throw ProblemException.of(422, 'CONTACT_REQUEST.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
    }
  }

  /** A command on a request the principal may reach (404 otherwise, as for a request that does not exist). */
  async execute<T extends string, D extends { readonly requestId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: ContactRequestState) => Decision<ContactRequestEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<void> {
    await this.view(data.requestId, principal);
    await this.commands.execute(contactRequestSlice, data.requestId, type, data, decide, principal, correlationId);
  }

  /**
   * The request folded from its own stream (read-your-writes), if the principal may reach it: an employer its own, the
   * crisis service what reached its tier, the line's staff any (whoever is on call may have to take any request; the
   * list and the stream are scoped by team, ContactRequestReader).
   */
  async view(requestId: string, principal: Principal): Promise<ContactRequestRecord> {
    const events = await this.read(contactRequestAggregate.category, requestId);
    const view = events.map((event) => asDomainEvent<ContactRequestEvent>(event)).reduce(evolveContactRequestView, null);
    if (!view || !mayReach(lineReaderOf(principal), view)) throw requestNotFound();
    return view;
  }

  private async read(category: string, id: string) {
    return (await this.store.readStream(streamId(category, id))).events;
  }
}
