import { MunicipalitySharedEvent } from '@ips/contracts';
import { CrisisRotaEvent } from './crisis-rota.events';

/** Shared events are about a participant; who staffs the crisis service is internal to the municipality. */
export const crisisRotaToShared = (_event: CrisisRotaEvent): MunicipalitySharedEvent[] => [];
