import { Slice } from '@ips/command-pipeline';
import { CrisisRotaEvent, CrisisRotaState, crisisRotaAggregate, crisisRotaToShared } from '@ips/municipality/domain';

/** The municipality keeps one crisis rota for now; its stream id is this. */
export const DEFAULT_ROTA_ID = 'default';

export const crisisRotaSlice: Slice<CrisisRotaState, CrisisRotaEvent> = {
  aggregate: crisisRotaAggregate,
  toShared: crisisRotaToShared,
};
