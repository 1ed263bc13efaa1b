import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.command-handler';
import { AddTeamMemberController } from './add-team-member/add-team-member.controller';
import { DefineTeamHandler } from './define-team/define-team.command-handler';
import { DefineTeamController } from './define-team/define-team.controller';
import { EndTeamMembershipHandler } from './end-team-membership/end-team-membership.command-handler';
import { EndTeamMembershipController } from './end-team-membership/end-team-membership.controller';

/**
 * The programme's routes and command handlers: its teams and their members. Needs CommandPipeline, CLOCK and the
 * service's TeamDirectory from the composing app.
 */
@Module({
  imports: [CqrsModule],
  controllers: [DefineTeamController, AddTeamMemberController, EndTeamMembershipController],
  providers: [DefineTeamHandler, AddTeamMemberHandler, EndTeamMembershipHandler],
})
export class ProgrammeModule {}
