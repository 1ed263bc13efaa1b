import { Slice } from '@ips/command-pipeline';
import { ParticipantEvent, ParticipantState, participantAggregate, participantToShared } from '@ips/welfare-office/domain';

export const participantSlice: Slice<ParticipantState, ParticipantEvent> = {
  aggregate: participantAggregate,
  toShared: participantToShared,
  personal: {
    ParticipantReferred: ['givenName', 'familyName', 'birthDate', 'referredBy', 'reason'],
    ReferralWithdrawn: ['reason'],
    ConsentWithdrawn: ['reason'],
    CareerProfileCreated: ['workHistory', 'education', 'strengths', 'interests'],
    CareerProfileUpdated: ['workHistory', 'education', 'strengths', 'interests'],
    ActionPlanWritten: ['goals', 'jobPreferences', 'supportsWanted'],
    ActionPlanProposed: ['goals', 'jobPreferences', 'supportsWanted', 'note'],
    BenefitsCounsellingHeld: ['topics', 'note'],
    EmployerContactMade: ['note'],
    ParticipantContactRecorded: ['note'],
    ParticipantTransferred: ['reason'],
    ParticipantDischarged: ['note'],
    ContactDetailsChanged: ['phone', 'email'],
  },
};
