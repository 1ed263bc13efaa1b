import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS_LOG_READER, CurrentPrincipal, GRANT_HOLDER, Principal } from '@ips/access';
import { PathId, ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { recordRead } from '../audit/audit-log';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { loadTimeline } from '../timeline/timeline.store';
import { TeamDirectory } from '@ips/team-directory';
import { EmergencyGrant, GrantStatus, isInForce, statusOf } from '../emergency-access/emergency-access';
import { EmergencyAccessRecords } from '../emergency-access/emergency-access.records';
import { CLOCK, Clock } from '@ips/kernel';

type Who = { readonly sub: string; readonly agency: string; readonly role: string; readonly displayName?: string };

export interface AccessLogEntry {
  readonly at: string;
  readonly who: Who;
  readonly action: string;
  readonly outcome: string;
  /** A read made through an emergency access (the grant's id), or the grant's own entries. */
  readonly emergencyAccess?: string;
}

/** An emergency access to the participant as their access log shows it (the reviewer's note is for supervisors). */
export interface EmergencyAccessEntry {
  readonly grantId: string;
  readonly holder: Who;
  readonly reasonCode: string;
  readonly reason: string;
  readonly grantedAt: string;
  readonly until: string;
  readonly endedAt: string | null;
  readonly status: GrantStatus;
  readonly reviewed: { readonly at: string; readonly by: Who; readonly note?: string } | null;
}

/** Normen: the person's right to see who read or wrote their data. */
@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class AccessLogController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    private readonly grants: EmergencyAccessRecords,
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/access-log')
  @ApiOperation({
    summary:
      'Who read or wrote this participant’s data, and when, by name where the programme knows it: for the participant and supervisors. Emergency accesses are listed apart (who, why, until when, reviewed or not), and each read made through one says so.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
        entries: [
          {
            at: '2026-03-02T09:00:00.000Z',
            who: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
            action: 'wrote ParticipantReferred',
            outcome: 'recorded',
          },
          { at: '2026-03-02T09:05:00.000Z', who: { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' }, action: 'read-timeline', outcome: 'not-found' },
          {
            at: '2026-03-02T23:10:00.000Z',
            who: { sub: 'dr-holm', agency: 'mental-health', role: 'clinician', displayName: 'Eva Holm' },
            action: 'emergency-access-granted',
            outcome: 'granted',
            emergencyAccess: '0193c000-0000-7000-8000-00000000e001',
          },
        ],
        emergencyAccess: [
          {
            grantId: '0193c000-0000-7000-8000-00000000e001',
            holder: { sub: 'dr-holm', agency: 'mental-health', role: 'clinician', displayName: 'Eva Holm' },
            reasonCode: 'urgent-care',
            reason: 'Admitted to the acute ward tonight; the ward needs the crisis plan.',
            grantedAt: '2026-03-02T23:10:00.000Z',
            until: '2026-03-03T03:10:00.000Z',
            endedAt: null,
            status: 'expired',
            reviewed: null,
          },
        ],
      },
    },
  })
  async accessLog(
    @PathId('id') participantId: string,
    @CurrentPrincipal() reader: Principal,
  ): Promise<{ participantId: string; entries: AccessLogEntry[]; emergencyAccess: EmergencyAccessEntry[] }> {
    if (!ACCESS_LOG_READER.may(reader, participantId)) {
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
    await recordRead(this.db, reader, participantId, 'read-access-log', 'allowed', this.clock.now());
    const grants = [...(await this.grants.grantsOf(participantId)).values()];
    const people = [
      ...reads.map((row) => ({ sub: row.actor_sub, agency: row.actor_agency, role: row.actor_role })),
      ...writes.map((event) => event.recordedBy),
      ...grants.flatMap((grant) => [grant.holder, ...(grant.review ? [grant.review.by] : [])]),
    ];
    const names = await this.directory.displayNames(people);
    const named = (who: Who): Who => {
      const displayName = names.get(`${who.agency}/${who.sub}`);
      return displayName === undefined
        ? { sub: who.sub, agency: who.agency, role: who.role }
        : { sub: who.sub, agency: who.agency, role: who.role, displayName };
    };
    const entries: AccessLogEntry[] = [
      ...reads.map((row) => {
        const at = new Date(row.at).toISOString();
        const who = { sub: row.actor_sub, agency: row.actor_agency, role: row.actor_role };
        const through = row.outcome === 'allowed' ? grants.find((grant) => readThrough(grant, who, at)) : undefined;
        return { at, who: named(who), action: row.action, outcome: row.outcome, ...(through ? { emergencyAccess: through.grantId } : {}) };
      }),
      ...writes.map((event) => ({ at: event.occurredAt, who: named(event.recordedBy), action: `wrote ${event.type}`, outcome: 'recorded' })),
      ...grants.flatMap((grant) => grantEntries(grant).map((entry) => ({ ...entry, who: named(entry.who) }))),
    ];
    const now = this.clock.now();
    const emergencyAccess = grants.map((grant) => ({
      grantId: grant.grantId,
      holder: named(grant.holder),
      reasonCode: grant.reasonCode,
      reason: grant.reason,
      grantedAt: grant.grantedAt,
      until: grant.until,
      endedAt: grant.endedAt,
      status: statusOf(grant, now),
      reviewed: grant.review
        ? { at: grant.review.at, by: named(grant.review.by), ...(ACCESS_LOG_READER.seesReviewNotes(reader) ? { note: grant.review.note } : {}) }
        : null,
    }));
    return { participantId, entries: entries.sort((a, b) => a.at.localeCompare(b.at)), emergencyAccess };
  }
}

/** Whether a read by `who` at `at` was made while their grant was in force (a member's reads are their own). */
const readThrough = (grant: EmergencyGrant, who: { sub: string; agency: string }, at: string): boolean =>
  GRANT_HOLDER.is(who, grant.holder) && isInForce(grant, new Date(at));

/** A grant's own lines in the log: granted, ended early, reviewed. */
const grantEntries = (grant: EmergencyGrant): AccessLogEntry[] => [
  { at: grant.grantedAt, who: grant.holder, action: 'emergency-access-granted', outcome: 'granted', emergencyAccess: grant.grantId },
  ...(grant.endedAt ? [{ at: grant.endedAt, who: grant.holder, action: 'emergency-access-ended', outcome: 'ended', emergencyAccess: grant.grantId }] : []),
  ...(grant.review
    ? [{ at: grant.review.at, who: grant.review.by, action: 'emergency-access-reviewed', outcome: 'reviewed', emergencyAccess: grant.grantId }]
    : []),
];
