import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { recordReads } from '../audit/audit-log';
import { Alert } from '../board/alerts';
import { ParticipantSummary } from '../participant-summary/participant-summary.evolve';
import { participantsNamingSub, shownParticipants } from '../participant-views/participant-views.query';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { TeamScopes } from '../team-scope';

export interface ListedParticipant {
  readonly participantId: string;
  readonly name: ParticipantSummary['name'];
  readonly phase: ParticipantSummary['phase'];
  readonly referredAt: string | null;
  readonly enrolledAt: string | null;
  readonly relapseRisk: ParticipantSummary['relapseRisk'];
  readonly contacts: ParticipantSummary['contacts'];
  readonly alerts: readonly Alert[];
}

const SCOPES = ['mine', 'all'] as const;
type Scope = (typeof SCOPES)[number];

/** A page of the list: most alerts first, then by family and given name. */
export interface ParticipantListPage {
  readonly scope: Scope;
  readonly team: string | null;
  readonly participants: ListedParticipant[];
  /** How many the whole list has. */
  readonly total: number;
  /** The `offset` of the next page, or null on the last. */
  readonly next: number | null;
}

const DEFAULT_PAGE = 200;
const MAX_PAGE = 500;

/** An optional whole-number query parameter within bounds (else 400). */
function wholeNumber(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', `${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/participants')
export class ParticipantListController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    private readonly scopes: TeamScopes,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The reader's caseload with alerts: `mine` (default) the participants whose record names the reader (employment " +
      'specialist or contact person at enrolment, clinician of the treatment team, municipal contact person); `all` every ' +
      "participant of the reader's current teams plus those the record names the reader on; `team` (a team id the reader is on, " +
      'else 404 TEAM.NOT_FOUND) narrows either to that team. Never a participant of a team the reader is not on unless named. ' +
      'While no team is defined: every participant with entries the reader may see. Each one listed is read like the summary: filtered by consent, audited.',
  })
  @ApiQuery({ name: 'scope', required: false, description: 'mine (default) or all', example: 'mine' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `participants per page, 1 to ${MAX_PAGE} (${DEFAULT_PAGE})`, example: 50 })
  @ApiQuery({ name: 'offset', required: false, type: Number, description: 'where the page starts: 0, or the `next` of the page before', example: 0 })
  @ApiQuery({
    name: 'team',
    required: false,
    description: 'a team id the reader is a member of (GET /programme/teams)',
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
  })
  @ApiOkResponse({
    schema: {
      example: {
        scope: 'mine',
        team: null,
        participants: [
          {
            participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
            name: { givenName: 'Kari', familyName: 'Nordmann' },
            phase: 'job-search',
            referredAt: '2026-01-05T09:00:00.000Z',
            enrolledAt: '2026-01-12T09:00:00.000Z',
            relapseRisk: null,
            contacts: { 'welfare-office': { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' } },
            alerts: [{ code: 'NO_EMPLOYER_CONTACT_30_DAYS', since: '2026-02-11', message: '…' }],
          },
        ],
        total: 1,
        next: null,
      },
    },
  })
  async list(
    @CurrentPrincipal() reader: Principal,
    @Query('scope') scope: string = 'mine',
    @Query('team') team?: string,
    @Query('limit') limitText?: string,
    @Query('offset') offsetText?: string,
    @CorrelationId() correlationId?: string,
  ): Promise<ParticipantListPage> {
    if (!(SCOPES as readonly string[]).includes(scope)) {
      throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', `scope must be one of ${SCOPES.join(', ')}`);
    }
    const limit = wholeNumber('limit', limitText, DEFAULT_PAGE, 1, MAX_PAGE);
    const offset = wholeNumber('offset', offsetText, 0, 0, Number.MAX_SAFE_INTEGER);
    if (team !== undefined && (typeof team !== 'string' || team.length === 0 || team.length > 200)) {
      throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', 'team must be a team id');
    }
    const at = this.clock.now();
    // The directory names the ids first (the reader's teams, plus those naming the reader unless one team is asked
    // for); only those rows are read. Null while no team is defined: every participant, as before teams.
    const teams = await this.scopes.teams(reader, at, team);
    // Their own caseload starts from the records naming them (a few dozen), not from their teams (hundreds).
    const among = scope === 'mine' ? await participantsNamingSub(this.db, reader.sub) : undefined;
    const ids = await this.scopes.participants(reader, at, teams, team === undefined, among);
    // Each from the stored view the consent in force gives this reader (decision 33); one audit statement for the answer.
    const shown = await shownParticipants(this.db, this.personalData, reader, { ids, namingReader: scope === 'mine', at });
    const sorted = [...shown].sort(
      (a, b) =>
        b.alerts.length - a.alerts.length ||
        `${a.summary.name?.familyName ?? ''} ${a.summary.name?.givenName ?? ''}`.localeCompare(
          `${b.summary.name?.familyName ?? ''} ${b.summary.name?.givenName ?? ''}`,
        ) ||
        a.participantId.localeCompare(b.participantId),
    );
    const page = sorted.slice(offset, offset + limit);
    // Only the page is shown, so only the page is audited.
    await recordReads(
      this.db,
      reader,
      page.map((row) => row.participantId),
      'read-participant-list',
      at,
      correlationId,
    );
    const participants: ListedParticipant[] = page.map(({ participantId, summary, alerts }) => ({
      participantId,
      name: summary.name,
      phase: summary.phase,
      referredAt: summary.referredAt,
      enrolledAt: summary.enrolledAt,
      relapseRisk: summary.relapseRisk,
      contacts: summary.contacts,
      alerts,
    }));
    return {
      scope: scope as Scope,
      team: team ?? null,
      participants,
      total: sorted.length,
      next: offset + limit < sorted.length ? offset + limit : null,
    };
  }
}
