import { Injectable } from '@nestjs/common';
import { CommandPipeline } from '@ips/command-pipeline';
import { CrisisOnDuty } from '@ips/employer/feature';
import { onDutyAt } from '@ips/municipality/domain';
import { DEFAULT_ROTA_ID, crisisRotaSlice } from '@ips/municipality/feature';

/**
 * The embedded profile's answer to the employer line's "who is on crisis duty": the municipality's own
 * on-duty query, in-process, as GET /municipality/crisis-duty/on-duty answers it. The employer lib never
 * reads the municipality's store; the composition does, as the municipality's client, where both share
 * one store and one pipeline (the embedded profile).
 */
@Injectable()
export class MunicipalityCrisisOnDuty implements CrisisOnDuty {
  constructor(private readonly pipeline: CommandPipeline) {}

  async onDutyAt(instant: string): Promise<readonly string[]> {
    const rota = await this.pipeline.load(crisisRotaSlice, DEFAULT_ROTA_ID);
    return onDutyAt(rota, instant).map((worker) => worker.workerId);
  }
}
