import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock } from '@ips/kernel';
import { decideRecordEmployerContact, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { RecordEmployerContactCommand } from './record-employer-contact.command';

/** A contact without its day was made today (the service's clock). */
@CommandHandler(RecordEmployerContactCommand)
export class RecordEmployerContactHandler implements ICommandHandler<RecordEmployerContactCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ type, data, metadata }: RecordEmployerContactCommand): Promise<CommandOutcome> {
    const contactedOn = data.contactedOn ?? this.clock.now().toISOString().slice(0, 10);
    return this.pipeline.run(
      participantSlice,
      data.participantId,
      { type, data: { ...data, contactedOn }, metadata },
      unlessErased(decideRecordEmployerContact),
    );
  }
}
