import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import {
  ContactRequestErrors,
  decideSubmitContactRequest,
  employmentSpecialistOf,
  initialParticipantEmploymentState,
  normalisePhone,
  placementOf,
} from '@ips/employer/domain';
import { CLOCK, Clock } from '@ips/kernel';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { CONTACT_LINE_CONFIG } from '../contact-line/contact-line.tokens';
import { OnDutyDirectory } from '../contact-line/on-duty.directory';
import { PlacementDirectory } from '../contact-line/placement-directory';
import { requestViewOf } from '../contact-line/reachable-request';
import { contactRequestSlice } from '../contact-request.slice';
import { placementEntryOf } from '../employer-access';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { SubmitContactRequestCommand } from './submit-contact-request.command';

/**
 * Finds the placement's participant and employer, the participant's specialist, and who is on duty for their team now,
 * then decides. A request already received under the same Idempotency-Key is refused as such (the edge answers it as
 * the first time) when it is the same request (placement, urgency, words, phone); other content under the same key is
 * the client's mistake (422 CONTACT_REQUEST.IDEMPOTENCY_KEY_REUSED), never a second request.
 */
@CommandHandler(SubmitContactRequestCommand)
export class SubmitContactRequestHandler implements ICommandHandler<SubmitContactRequestCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    private readonly projector: ContactLineProjector,
    private readonly placements: PlacementDirectory,
    private readonly onDuty: OnDutyDirectory,
  ) {}

  async execute({ type, data, metadata, newStream }: SubmitContactRequestCommand): Promise<CommandOutcome> {
    const entry = await placementEntryOf(this.placements, this.projector, data.placementId);
    const employment = entry ? await this.pipeline.load(participantEmploymentSlice, entry.participantId) : initialParticipantEmploymentState;
    const placement = placementOf(employment, data.placementId);
    const specialistId = employmentSpecialistOf(employment);
    const now = metadata.now ?? this.clock.now().toISOString();
    const decided = {
      ...data,
      placement: placement && entry ? { participantId: entry.participantId, employerId: placement.employerId, ended: placement.status === 'Ended' } : null,
      onDuty: await this.onDuty.at(entry?.participantId ?? null, specialistId, now, 'employment-specialist'),
      specialistId,
      acknowledgeWithin: this.config.acknowledgeWithin,
    };
    const outcome = await this.pipeline.run(
      contactRequestSlice,
      data.requestId,
      { type, data: decided, metadata: { ...metadata, now } },
      decideSubmitContactRequest,
      {
        newStream,
      },
    );
    if (newStream || outcome.ok || outcome.error.code !== ContactRequestErrors.alreadyReceived) return outcome;
    return (await this.sameAsReceived(data)) ? outcome : { ok: false, error: keyReused };
  }

  /**
   * Whether the request received under this id is this one: the same placement, urgency, words and phone. The id was
   * made from the caller's own key, and the request was recorded for the caller's own placement, so it is theirs.
   */
  private async sameAsReceived(intake: SubmitContactRequestCommand['data']): Promise<boolean> {
    const received = await requestViewOf(this.pipeline, intake.requestId);
    return (
      received?.placementId === intake.placementId &&
      received.urgency === intake.urgency &&
      received.message === intake.message &&
      received.callbackPhone === normalisePhone(intake.callbackPhone)
    );
  }
}

const keyReused = {
  kind: 'rejected',
  code: 'CONTACT_REQUEST.IDEMPOTENCY_KEY_REUSED',
  message: 'this Idempotency-Key was used for a different request',
} as const;
