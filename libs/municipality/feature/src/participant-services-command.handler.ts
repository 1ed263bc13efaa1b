import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { ParticipantServicesEvent, ParticipantServicesState } from '@ips/municipality/domain';
import { Command, Decision } from '@ips/kernel';
import { participantServicesSlice } from './participant-services.slice';

/** Municipal participant commands: the participant's municipal services stream is the aggregate. */
@Injectable()
export class ParticipantServicesCommands {
  constructor(private readonly commands: Commands) {}

  execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: ParticipantServicesState) => Decision<ParticipantServicesEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(participantServicesSlice, data.participantId, type, data, decide, principal, correlationId);
  }
}
