import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { ParticipantCareEvent, ParticipantCareState } from '@ips/mental-health/domain';
import { Command, Decision } from '@ips/kernel';
import { participantCareSlice } from './participant-care.slice';

/** Mental-health participant commands: the participant's care stream is the aggregate. */
@Injectable()
export class ParticipantCareCommands {
  constructor(private readonly commands: Commands) {}

  execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: ParticipantCareState) => Decision<ParticipantCareEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(participantCareSlice, data.participantId, type, data, decide, principal, correlationId);
  }
}
