import { Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { ProgrammeTeamEvent, ProgrammeTeamState } from '@ips/programme/domain';
import { TeamDirectory } from '@ips/team-directory';
import { Command, Decision } from '@ips/kernel';
import { teamSlice } from './team.slice';

type Decide<T extends string, D> = (command: Command<T, D>, state: ProgrammeTeamState) => Decision<ProgrammeTeamEvent>;

/**
 * Team commands: each team's stream is the aggregate, so its members are decided on its whole history. A write
 * answers once the service's own team directory has it (bounded), so the same client's next `GET /programme/teams`
 * and a referral naming the new team see it.
 */
@Injectable()
export class TeamCommands {
  constructor(
    private readonly commands: Commands,
    private readonly directory: TeamDirectory,
  ) {}

  async execute<T extends string, D extends { readonly teamId: string }>(
    type: T,
    data: D,
    decide: Decide<T, D>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    const recorded = await this.commands.execute(teamSlice, data.teamId, type, data, decide, principal, correlationId);
    await this.directory.waitForHead();
    return recorded;
  }

  /**
   * As `execute`, and whether the team was new: read from the state the decision that was stored was taken on (the
   * pipeline decides again on a concurrent write, so the last decision is the one that counts), not from a second read.
   */
  async define<T extends string, D extends { readonly teamId: string }>(
    type: T,
    data: D,
    decide: Decide<T, D>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded & { readonly created: boolean }> {
    let created = false;
    const recorded = await this.execute(
      type,
      data,
      (command, state) => {
        created = state.status === 'Undefined';
        return decide(command, state);
      },
      principal,
      correlationId,
    );
    return { ...recorded, created };
  }
}
