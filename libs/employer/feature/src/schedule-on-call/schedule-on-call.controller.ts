import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ApiInvalidRequest, ApiProblem, OnCallController } from '../contact-line/contact-line-route';
import { ScheduleOnCallCommand } from './schedule-on-call.command';
import { OnCallShiftScheduledDto, ScheduleOnCallDto } from './schedule-on-call.dto';

@OnCallController()
export class ScheduleOnCallController {
  constructor(private readonly commands: CommandBus) {}

  @Post('teams/:teamId/shifts')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Put a specialist or supervisor on call for the team from one time to another (local times are read in the ' +
      "team's zone, across daylight-saving changes). Back-to-back shifts hand over at the boundary. The team is a " +
      "programme team (its id from GET /programme/teams, its zone the programme's) and the worker one of its welfare-office " +
      "members in the shift's role for the whole shift; an on-call team defined here before teams takes shifts only while " +
      'the programme defines none.',
  })
  @ApiCreatedResponse({ type: OnCallShiftScheduledDto })
  @ApiInvalidRequest('from', 'from must look like 2026-03-02T16:00 (local) or 2026-03-02T15:00:00Z')
  @ApiProblem(404, 'ON_CALL.TEAM_NOT_FOUND', 'no on-call team with this id')
  @ApiProblem(
    409,
    ['ON_CALL.OVERLAPS', 'ON_CALL.SHIFT_ALREADY_SCHEDULED', 'ON_CALL.USE_PROGRAMME_TEAMS'],
    'es-ingrid is already on call 2026-03-02T15:00:00.000Z to 2026-03-03T07:00:00.000Z',
  )
  @ApiProblem(422, ['ON_CALL.INVALID_PERIOD', 'ON_CALL.INVALID_TIME', 'TEAM.NOT_A_MEMBER'], 'a shift ends after it starts and lasts at most 336 hours')
  async schedule(@PathId('teamId') teamId: string, @Body() body: ScheduleOnCallDto, @Issuer() issuer: CommandIssuer): Promise<OnCallShiftScheduledDto> {
    const shiftId = randomUUID();
    accepted(await this.commands.execute(new ScheduleOnCallCommand({ teamId, shiftId, ...body }, issuer)));
    return { shiftId };
  }
}
