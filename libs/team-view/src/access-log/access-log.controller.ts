import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { PathId, ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { recordRead } from '../audit/audit-log';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { loadTimeline } from '../timeline/timeline.store';

export interface AccessLogEntry {
  readonly at: string;
  readonly who: { readonly sub: string; readonly agency: string; readonly role: string };
  readonly action: string;
  readonly outcome: string;
}

/** Normen: the person's right to see who read or wrote their data. */
@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class AccessLogController {
  constructor(@Inject(TEAM_VIEW_DB) private readonly db: SqlDriver) {}

  @Get(':id/access-log')
  @ApiOperation({ summary: 'Who read or wrote this participant’s data, and when: for the participant and supervisors.' })
  @ApiOkResponse({
    schema: {
      example: {
        participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
        entries: [
          { at: '2026-03-02T09:00:00.000Z', who: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' }, action: 'wrote ParticipantReferred', outcome: 'recorded' },
          { at: '2026-03-02T09:05:00.000Z', who: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' }, action: 'read-timeline', outcome: 'not-found' },
        ],
      },
    },
  })
  async accessLog(
    @PathId('id') participantId: string,
    @CurrentPrincipal() reader: Principal,
  ): Promise<{ participantId: string; entries: AccessLogEntry[] }> {
    const own = reader.agency === 'participant' && reader.participantId === participantId;
    if (!own && reader.role !== 'supervisor') {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', 'the access log is for the participant and supervisors');
    }
    const reads = await this.db.query<{ at: Date | string; actor_sub: string; actor_agency: string; actor_role: string; action: string; outcome: string }>(
      `select at, actor_sub, actor_agency, actor_role, action, outcome from tv_audit_log where participant_id = $1 order by at, id`,
      [participantId],
    );
    const writes = await loadTimeline(this.db, participantId);
    if (reads.length === 0 && writes.length === 0) {
      throw ProblemException.of(404, 'PARTICIPANT.NOT_FOUND', 'no participant with this id that you may see');
    }
    await recordRead(this.db, reader, participantId, 'read-access-log', 'allowed');
    const entries: AccessLogEntry[] = [
      ...reads.map((row) => ({
        at: new Date(row.at).toISOString(),
        who: { sub: row.actor_sub, agency: row.actor_agency, role: row.actor_role },
        action: row.action,
        outcome: row.outcome,
      })),
      ...writes.map((event) => ({ at: event.occurredAt, who: event.recordedBy, action: `wrote ${event.type}`, outcome: 'recorded' })),
    ];
    return { participantId, entries: entries.sort((a, b) => a.at.localeCompare(b.at)) };
  }
}
