import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PortBinding } from '@ips/team-directory';
import { ChangeContactDetailsHandler } from './change-contact-details/change-contact-details.command-handler';
import { DischargeParticipantHandler } from './discharge-participant/discharge-participant.command-handler';
import { EnrolParticipantHandler } from './enrol-participant/enrol-participant.command-handler';
import { EraseParticipantHandler } from './erase-participant/erase-participant.command-handler';
import { GiveConsentHandler } from './give-consent/give-consent.command-handler';
import { WithdrawConsentHandler } from './withdraw-consent/withdraw-consent.command-handler';
import { CreateCareerProfileHandler } from './record-career-profile/record-career-profile.command-handler';
import { UpdateCareerProfileHandler } from './update-career-profile/update-career-profile.command-handler';
import { WriteActionPlanHandler } from './write-action-plan/write-action-plan.command-handler';
import { ProposeActionPlanHandler } from './propose-action-plan/propose-action-plan.command-handler';
import { RecordBenefitsCounsellingHandler } from './record-benefits-counselling/record-benefits-counselling.command-handler';
import { RecordEmployerContactHandler } from './record-employer-contact/record-employer-contact.command-handler';
import { RecordParticipantContactHandler } from './record-participant-contact/record-participant-contact.command-handler';
import { TransferParticipantHandler } from './transfer-participant/transfer-participant.command-handler';
import { ReferParticipantHandler } from './refer-participant/refer-participant.command-handler';
import { WithdrawReferralHandler } from './withdraw-referral/withdraw-referral.command-handler';
import { ChangeContactDetailsController } from './change-contact-details/change-contact-details.controller';
import { DischargeParticipantController } from './discharge-participant/discharge-participant.controller';
import { EraseParticipantController } from './erase-participant/erase-participant.controller';
import { EnrolParticipantController } from './enrol-participant/enrol-participant.controller';
import { GiveConsentController } from './give-consent/give-consent.controller';
import { RecordBenefitsCounsellingController } from './record-benefits-counselling/record-benefits-counselling.controller';
import { CareerProfileController } from './record-career-profile/record-career-profile.controller';
import { RecordEmployerContactController } from './record-employer-contact/record-employer-contact.controller';
import { RecordParticipantContactController } from './record-participant-contact/record-participant-contact.controller';
import { ProposeActionPlanController } from './propose-action-plan/propose-action-plan.controller';
import { ReferParticipantController } from './refer-participant/refer-participant.controller';
import { ReferralFingerprints, welfareOfficeDatabase } from './refer-participant/referral-fingerprints';
import { TEAM_REGISTRY, TeamRegistry } from './team-registry.port';
import { TransferParticipantController } from './transfer-participant/transfer-participant.controller';
import { WithdrawReferralController } from './withdraw-referral/withdraw-referral.controller';
import { WriteActionPlanController } from './write-action-plan/write-action-plan.controller';

/** How the composing app binds TEAM_REGISTRY: a Nest provider without its token. */
export type TeamRegistryBinding = PortBinding<TeamRegistry>;

/**
 * The welfare office's routes and command handlers (one per use case). Needs CommandPipeline and CLOCK from the
 * composing app, and the teams: import it as `WelfareOfficeModule.withTeamRegistry(binding)`. Imported bare, it boots
 * only where a global module provides TEAM_REGISTRY; without one Nest refuses to start (the referral, enrolment and
 * transfer handlers cannot be built).
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    ReferParticipantController,
    EnrolParticipantController,
    WithdrawReferralController,
    GiveConsentController,
    CareerProfileController,
    WriteActionPlanController,
    ProposeActionPlanController,
    RecordBenefitsCounsellingController,
    RecordEmployerContactController,
    RecordParticipantContactController,
    DischargeParticipantController,
    TransferParticipantController,
    ChangeContactDetailsController,
    EraseParticipantController,
  ],
  providers: [
    ReferParticipantHandler,
    EnrolParticipantHandler,
    WithdrawReferralHandler,
    GiveConsentHandler,
    WithdrawConsentHandler,
    CreateCareerProfileHandler,
    UpdateCareerProfileHandler,
    WriteActionPlanHandler,
    ProposeActionPlanHandler,
    RecordBenefitsCounsellingHandler,
    RecordEmployerContactHandler,
    RecordParticipantContactHandler,
    DischargeParticipantHandler,
    TransferParticipantHandler,
    ChangeContactDetailsHandler,
    EraseParticipantHandler,
    welfareOfficeDatabase,
    ReferralFingerprints,
  ],
})
export class WelfareOfficeModule {
  static withTeamRegistry(binding: TeamRegistryBinding): DynamicModule {
    return { module: WelfareOfficeModule, providers: [{ provide: TEAM_REGISTRY, ...binding }] };
  }
}
