import { ContractRegistry } from './shared-event';
import { participantEnrolledV1 } from './welfare-office/participant-enrolled.v1';
import { participantReferredV1 } from './welfare-office/participant-referred.v1';
import { ParticipantEnrolledV1 } from './welfare-office/participant-enrolled.v1';
import { ParticipantReferredV1 } from './welfare-office/participant-referred.v1';

/** Every shared participant event the platform knows, all versions. */
export const contracts = new ContractRegistry([participantReferredV1, participantEnrolledV1]);

/** The events the team view understands. */
export type KnownSharedEvent = ParticipantReferredV1 | ParticipantEnrolledV1;
