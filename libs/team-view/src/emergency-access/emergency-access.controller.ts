import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { CLOCK, Clock, CommandIssuer, accepted } from '@ips/kernel';
import { CorrelationId, NoFieldsPipe, PathId } from '@ips/http';
import { TeamDirectory } from '@ips/team-directory';
import { uuidv7 } from '@ips/utils';
import { recordRead } from '../audit/audit-log';
import { supervisedTeams, teamNotFound } from '../team-scope';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { SqlDriver } from '@ips/postgres';
import { EmergencyGrant, GrantStatus, statusOf } from './emergency-access';
import { EmergencyAccessGrantedDto, EmergencyAccessListQuery, GrantEmergencyAccessDto, ReviewEmergencyAccessDto } from './emergency-access.dto';
import { EmergencyAccessRecords } from './emergency-access.records';
import { EndEmergencyAccessCommand } from './end-emergency-access/end-emergency-access.command';
import { GrantEmergencyAccessCommand } from './grant-emergency-access/grant-emergency-access.command';
import { ReviewEmergencyAccessCommand } from './review-emergency-access/review-emergency-access.command';

/** A grant as its holder and the team's supervisors see it. */
export interface EmergencyGrantView extends Omit<EmergencyGrant, 'holder'> {
  readonly holder: EmergencyGrant['holder'] & { readonly displayName: string | null };
  readonly status: GrantStatus;
}

const GRANT_EXAMPLE: EmergencyGrantView = {
  grantId: '0193c000-0000-7000-8000-00000000e001',
  participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
  teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
  holder: { sub: 'dr-holm', agency: 'mental-health', role: 'clinician', displayName: 'Eva Holm' },
  reasonCode: 'urgent-care',
  reason: 'Admitted to the acute ward tonight; her team is unreachable and the ward needs her crisis plan.',
  grantedAt: '2026-03-02T09:00:00.000Z',
  until: '2026-03-02T13:00:00.000Z',
  endedAt: null,
  status: 'expired',
  review: null,
};

/** At most this many grants in one list, newest first (a team has a handful a month). */
const LIST_LIMIT = 500;

/**
 * Emergency access ("break the glass", decision 30). Staff outside a participant's team open that one record in the
 * team view for a limited time with a reason; the auth guard then lets them read it (summary, timeline, live stream,
 * access log) until the grant expires or they end it. Every grant is in the participant's access log and on the
 * review list of the supervisors of the team the participant was on.
 */
@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view')
export class EmergencyAccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly records: EmergencyAccessRecords,
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
  ) {}

  @Post('participants/:id/emergency-access')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Emergency access: open one participant's record you have no relation to, with a reason, for a limited time (EMERGENCY_ACCESS_HOURS, 4 by default). In the participant's access log, shown to them, and reviewed by a supervisor of their team.",
  })
  @ApiCreatedResponse({ type: EmergencyAccessGrantedDto })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'EMERGENCY_ACCESS.NOT_NEEDED (you work with them already), EMERGENCY_ACCESS.ALREADY_OPEN' })
  @ApiUnprocessableEntityResponse({ description: 'EMERGENCY_ACCESS.UNTIL_NOT_AHEAD, EMERGENCY_ACCESS.TOO_LONG' })
  async grant(@PathId('id') participantId: string, @Body() body: GrantEmergencyAccessDto, @Issuer() issuer: CommandIssuer): Promise<EmergencyAccessGrantedDto> {
    const grantId = uuidv7();
    const data = {
      grantId,
      participantId,
      reasonCode: body.reasonCode,
      reason: body.reason.trim(),
      until: body.until === undefined ? null : new Date(body.until).toISOString(),
    };
    accepted(await this.commands.execute(new GrantEmergencyAccessCommand(data, issuer)));
    const granted = (await this.records.grantsOf(participantId)).get(grantId);
    return { grantId, participantId, until: granted?.until ?? '' };
  }

  @Post('emergency-access/:grantId/end')
  @HttpCode(201)
  @ApiOperation({ summary: 'End your emergency access before it expires: the record closes again at once.' })
  @ApiCreatedResponse({ schema: { example: { grantId: GRANT_EXAMPLE.grantId, endedAt: '2026-03-02T10:00:00.000Z' } } })
  @ApiNotFoundResponse({ description: 'EMERGENCY_ACCESS.NOT_FOUND (none of yours with this id)' })
  @ApiConflictResponse({ description: 'EMERGENCY_ACCESS.ENDED (ended or expired already)' })
  async end(
    @PathId('grantId') grantId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @Issuer() issuer: CommandIssuer,
  ): Promise<{ grantId: string; endedAt: string }> {
    const { recordedAt } = accepted(await this.commands.execute(new EndEmergencyAccessCommand({ grantId }, issuer)));
    return { grantId, endedAt: recordedAt };
  }

  @Get('emergency-access')
  @ApiOperation({
    summary:
      'Emergency accesses to review: for a supervisor, those to the participants of the teams they supervise (the team the participant was on when the glass was broken); for everyone, their own. Newest first, at most 500.',
  })
  @ApiOkResponse({ schema: { example: { grants: [GRANT_EXAMPLE] } } })
  @ApiNotFoundResponse({ description: 'TEAM.NOT_FOUND (a team you do not supervise)' })
  async list(
    @CurrentPrincipal() reader: Principal,
    @Query() query: EmergencyAccessListQuery,
    @CorrelationId() correlationId?: string,
  ): Promise<{ grants: EmergencyGrantView[] }> {
    const now = this.clock.now();
    const supervised = await supervisedTeams(this.directory, reader, now);
    if (query.team !== undefined && !supervised.includes(query.team)) throw teamNotFound();
    const teams = query.team === undefined ? supervised : [query.team];
    const grants = (await this.records.listed(teams, query.team === undefined ? reader : null, LIST_LIMIT)).filter(
      (grant) => query.reviewed === undefined || (grant.review !== null) === (query.reviewed === 'true'),
    );
    // A list of grants names participants: each one listed is in their access log, as a caseload's are.
    for (const participantId of new Set(grants.map((grant) => grant.participantId))) {
      await recordRead(this.db, reader, participantId, 'read-emergency-access', 'allowed', now, correlationId);
    }
    const names = await this.directory.displayNames(grants.map((grant) => grant.holder));
    return { grants: grants.map((grant) => view(grant, now, names)) };
  }

  @Post('emergency-access/:grantId/review')
  @HttpCode(201)
  @ApiOperation({ summary: "A supervisor of the participant's team marks an emergency access reviewed, with a note (once)." })
  @ApiCreatedResponse({
    schema: {
      example: {
        ...GRANT_EXAMPLE,
        review: { by: { sub: 'sup-berit', agency: 'welfare-office', role: 'supervisor' }, note: 'Justified.', at: '2026-03-03T08:00:00.000Z' },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'EMERGENCY_ACCESS.NOT_FOUND (none to a participant of a team you supervise)' })
  @ApiConflictResponse({ description: 'EMERGENCY_ACCESS.ALREADY_REVIEWED' })
  @ApiUnprocessableEntityResponse({ description: 'EMERGENCY_ACCESS.OWN_GRANT' })
  async review(@PathId('grantId') grantId: string, @Body() body: ReviewEmergencyAccessDto, @Issuer() issuer: CommandIssuer): Promise<EmergencyGrantView> {
    const now = this.clock.now();
    accepted(await this.commands.execute(new ReviewEmergencyAccessCommand({ grantId, note: body.note.trim() }, issuer)));
    // Accepted: the index row names the grant's participant, whose stream now holds the review.
    const row = await this.records.indexed(grantId);
    const grant = row && (await this.records.grantsOf(row.participantId)).get(grantId);
    if (!grant) throw new Error(`emergency access ${grantId} was reviewed but is not in its participant's stream`);
    return view(grant, now, await this.directory.displayNames([grant.holder]));
  }
}

const view = (grant: EmergencyGrant, at: Date, names: ReadonlyMap<string, string>): EmergencyGrantView => ({
  ...grant,
  holder: { ...grant.holder, displayName: names.get(`${grant.holder.agency}/${grant.holder.sub}`) ?? null },
  status: statusOf(grant, at),
});
