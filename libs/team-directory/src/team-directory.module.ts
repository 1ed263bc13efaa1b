import { Module } from '@nestjs/common';
import { ListTeamsController } from './list-teams/list-teams.controller';

/**
 * GET /programme/teams, read from the service's own team directory. Needs TeamDirectory and CLOCK from the composing
 * app (ServiceModule provides both to every service); mounted by the service that owns /programme.
 */
@Module({ controllers: [ListTeamsController] })
export class TeamDirectoryModule {}
