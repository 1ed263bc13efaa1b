import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import { EmployerEvent, EmployerState, employerAggregate } from '@ips/employer/domain';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { Command, Decision, fold, streamId } from '@ips/kernel';
import { employerSlice } from './employer.slice';

/** Commands on the employer registry: each employer's stream is the aggregate. */
@Injectable()
export class EmployerCommands {
  constructor(
    private readonly commands: Commands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute<T extends string, D extends { readonly employerId: string }>(
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: EmployerState) => Decision<EmployerEvent>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(employerSlice, data.employerId, type, data, decide, principal, correlationId);
  }

  /** A placement's employer lives in another stream, so the caller looks it up and tells the decider. */
  async isRegistered(employerId: string): Promise<boolean> {
    const { events } = await this.store.readStream(streamId(employerAggregate.category, employerId));
    const state = fold(
      employerAggregate,
      events.map((event) => ({ type: event.type, data: event.data }) as unknown as EmployerEvent),
    );
    return state.status === 'Registered';
  }
}
