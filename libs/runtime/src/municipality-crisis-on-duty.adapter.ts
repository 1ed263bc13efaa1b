import { Inject, Injectable } from '@nestjs/common';
import { CrisisOnDuty } from '@ips/employer/feature';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { CrisisRotaEvent, crisisRotaAggregate, onDutyAt } from '@ips/municipality/domain';
import { DEFAULT_ROTA_ID } from '@ips/municipality/feature';
import { fold, streamId } from '@ips/kernel';

/**
 * The embedded profile's answer to the employer line's "who is on crisis duty": the municipality's own
 * on-duty query, in-process, as GET /municipality/crisis-duty/on-duty answers it. The employer lib never
 * reads the municipality's store; the composition does, as the municipality's client, where both share
 * one store (the embedded profile).
 */
@Injectable()
export class MunicipalityCrisisOnDuty implements CrisisOnDuty {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onDutyAt(instant: string): Promise<readonly string[]> {
    const { events } = await this.store.readStream(streamId(crisisRotaAggregate.category, DEFAULT_ROTA_ID));
    const rota = fold(
      crisisRotaAggregate,
      events.map((event) => ({ type: event.type, data: event.data }) as unknown as CrisisRotaEvent),
    );
    return onDutyAt(rota, instant).map((worker) => worker.workerId);
  }
}
