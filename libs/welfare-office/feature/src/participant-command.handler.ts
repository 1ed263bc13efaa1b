import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands } from '@ips/command-pipeline';
import { ParticipantEvent, ParticipantState } from '@ips/welfare-office/domain';
import { Command, Decision } from '@ips/utils';
import { participantSlice } from './participant.slice';

/** Welfare-office participant commands: the participant's stream is the aggregate. */
@Injectable()
export class ParticipantCommands {
  constructor(private readonly commands: Commands) {}

  execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: ParticipantState) => Decision<ParticipantEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<void> {
    return this.commands.execute(participantSlice, data.participantId, type, data, decide, principal, correlationId);
  }
}
