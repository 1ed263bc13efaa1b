import { Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { AddTeamMemberController } from './add-team-member/add-team-member.controller';
import { DefineTeamController } from './define-team/define-team.controller';
import { EndTeamMembershipController } from './end-team-membership/end-team-membership.controller';
import { TeamCommands } from './team-command.handler';

/** The programme's routes: its teams and their members. Needs CommandPipeline, EVENT_STORE and CLOCK from the composing app. */
@Module({
  imports: [CommandsModule],
  controllers: [DefineTeamController, AddTeamMemberController, EndTeamMembershipController],
  providers: [TeamCommands],
})
export class ProgrammeModule {}
