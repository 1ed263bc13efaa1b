import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideEscalateContactRequest, employmentSpecialistOf } from '@ips/employer/domain';
import { CLOCK, Clock } from '@ips/kernel';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { CONTACT_LINE_CONFIG } from '../contact-line/contact-line.tokens';
import { OnDutyDirectory } from '../contact-line/on-duty.directory';
import { contactRequestSlice } from '../contact-request.slice';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { EscalateContactRequestCommand } from './escalate-contact-request.command';

/** The decider is told who is on duty now for the participant's team from the next tier up (via their specialist). */
@CommandHandler(EscalateContactRequestCommand)
export class EscalateContactRequestHandler implements ICommandHandler<EscalateContactRequestCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    private readonly onDuty: OnDutyDirectory,
  ) {}

  async execute({ type, data, metadata }: EscalateContactRequestCommand): Promise<CommandOutcome> {
    const { participantId, nextTier, requestId, level } = data;
    const now = metadata.now ?? this.clock.now().toISOString();
    const specialist = employmentSpecialistOf(await this.pipeline.load(participantEmploymentSlice, participantId));
    const decided = {
      requestId,
      level,
      onDuty: await this.onDuty.at(participantId, specialist, now, nextTier),
      acknowledgeWithin: this.config.acknowledgeWithin,
    };
    return this.pipeline.run(contactRequestSlice, requestId, { type, data: decided, metadata: { ...metadata, now } }, decideEscalateContactRequest);
  }
}
