import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@ips/access';
import { Commands, Recorded } from '@ips/command-pipeline';
import {
  ParticipantEmploymentEvent,
  ParticipantEmploymentState,
  employmentSpecialistOf,
  participantEmploymentAggregate,
  placementOf,
} from '@ips/employer/domain';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { Command, Decision, fold, streamId } from '@ips/kernel';
import { assertActsFor } from './employer-access';
import { participantEmploymentSlice } from './participant-employment.slice';

type Decide<T extends string, D> = (command: Command<T, D>, state: ParticipantEmploymentState) => Decision<ParticipantEmploymentEvent>;

/** Placement commands: the participant's employment stream (all their jobs) is the aggregate. */
@Injectable()
export class ParticipantEmploymentCommands {
  constructor(
    private readonly commands: Commands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: Decide<T, D>,
    principal: Principal,
    correlationId?: string,
  ): Promise<Recorded> {
    return this.commands.execute(participantEmploymentSlice, data.participantId, type, data, decide, principal, correlationId);
  }

  /**
   * A command on a placement that exists: an employer's token reaches only its own placements (403).
   * A placement never changes employer, so checking before the pipeline decides cannot go stale.
   */
  async executeOnPlacement<T extends string, D extends { readonly participantId: string; readonly placementId: string }>(
    type: T,
    data: D,
    decide: Decide<T, D>,
    principal: Principal,
    correlationId?: string,
  ): Promise<void> {
    if (principal.agency === 'employer' || principal.role === 'employer') {
      const placement = placementOf(await this.stateOf(data.participantId), data.placementId);
      // An unknown placement is left to the decider: 404 PLACEMENT.NOT_FOUND, as for staff.
      if (placement) assertActsFor(principal, placement.employerId);
    }
    await this.execute(type, data, decide, principal, correlationId);
  }

  /** The participant's specialist (also after a discharge), whose team's on-call takes the participant's requests. */
  async employmentSpecialistOf(participantId: string): Promise<string | null> {
    return employmentSpecialistOf(await this.stateOf(participantId));
  }

  private async stateOf(participantId: string): Promise<ParticipantEmploymentState> {
    const { events } = await this.store.readStream(streamId(participantEmploymentAggregate.category, participantId));
    return fold(
      participantEmploymentAggregate,
      events.map((event) => ({ type: event.type, data: event.data }) as unknown as ParticipantEmploymentEvent),
    );
  }
}
