import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { OnCallRosterEvent, OnCallRosterState, onCallRosterAggregate } from '@ips/employer/domain';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { Command, Decision, streamId } from '@ips/kernel';
import { foldRecorded } from './contact-line/recorded';
import { onCallRosterSlice } from './on-call-roster.slice';

/** Roster commands: each team's stream is the aggregate, so overlaps are decided on all its shifts. */
@Injectable()
export class OnCallRosterCommands {
  constructor(
    private readonly commands: Commands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute<T extends string, D extends { readonly teamId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: OnCallRosterState) => Decision<OnCallRosterEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(onCallRosterSlice, data.teamId, type, data, decide, principal, correlationId);
  }

  async roster(teamId: string): Promise<OnCallRosterState> {
    return foldRecorded(onCallRosterAggregate, (await this.store.readStream(streamId(onCallRosterAggregate.category, teamId))).events);
  }
}
