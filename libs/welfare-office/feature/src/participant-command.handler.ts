import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded, RunOptions } from '@ips/command-pipeline';
import { ParticipantEvent, ParticipantState, unlessErased } from '@ips/welfare-office/domain';
import { Command, Decision } from '@ips/kernel';
import { participantSlice } from './participant.slice';

/** Welfare-office participant commands: the participant's stream is the aggregate; nothing is recorded once erased. */
@Injectable()
export class ParticipantCommands {
  constructor(private readonly commands: Commands) {}

  execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: ParticipantState) => Decision<ParticipantEvent>,
    principal: Principal,
    correlationId?: string,
    options?: RunOptions,
  ): Promise<Recorded> {
    return this.commands.execute(participantSlice, data.participantId, type, data, unlessErased(decide), principal, correlationId, options);
  }
}
