import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { CrisisRotaEvent, CrisisRotaState } from '@ips/municipality/domain';
import { Command, Decision } from '@ips/kernel';
import { crisisRotaSlice } from './crisis-rota.slice';

/** Crisis rota commands: the rota's stream is the aggregate, so overlaps are decided on all its shifts. */
@Injectable()
export class CrisisRotaCommands {
  constructor(private readonly commands: Commands) {}

  execute<T extends string, D extends { readonly rotaId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: CrisisRotaState) => Decision<CrisisRotaEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(crisisRotaSlice, data.rotaId, type, data, decide, principal, correlationId);
  }
}
