import { DynamicModule, Module } from '@nestjs/common';
import { PortBinding } from '@ips/team-directory';
import { CommandsModule } from '@ips/command-pipeline';
import { ChangeContactDetailsController } from './change-contact-details/change-contact-details.controller';
import { DischargeParticipantController } from './discharge-participant/discharge-participant.controller';
import { EraseParticipantController } from './erase-participant/erase-participant.controller';
import { EnrolParticipantController } from './enrol-participant/enrol-participant.controller';
import { GiveConsentController } from './give-consent/give-consent.controller';
import { ParticipantCommands } from './participant-command.handler';
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
 * The welfare office's routes. Needs CommandPipeline and CLOCK from the composing app, and the teams: import it as
 * `WelfareOfficeModule.withTeamRegistry(binding)`. Imported bare, it boots only where a global module provides
 * TEAM_REGISTRY; without one Nest refuses to start (the referral and transfer controllers cannot be built).
 */
@Module({
  imports: [CommandsModule],
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
  providers: [ParticipantCommands, welfareOfficeDatabase, ReferralFingerprints],
})
export class WelfareOfficeModule {
  static withTeamRegistry(binding: TeamRegistryBinding): DynamicModule {
    return { module: WelfareOfficeModule, providers: [{ provide: TEAM_REGISTRY, ...binding }] };
  }
}
