import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OWN_CASELOAD, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { isCurrentOn, teamDay } from '@ips/team-directory';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { recordReads } from '../audit/audit-log';
import { shownParticipants } from '../participant-views/participant-views.query';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { TeamScopes, teamNotFound } from '../team-scope';
import { Alert } from './alerts';

interface BoardParticipant {
  readonly participantId: string;
  readonly name: { readonly givenName: string; readonly familyName: string } | null;
  readonly phase: string;
  readonly enrolledAt: string | null;
  readonly alerts: readonly Alert[];
}

interface SpecialistBoard {
  readonly employmentSpecialistId: string;
  /** As the team directory has it, when the specialist is a member of the board's team. */
  readonly displayName?: string;
  readonly caseload: number;
  readonly alerts: number;
  /** The employer line: requests not yet resolved, and those nobody acknowledged in time. */
  readonly openContactRequests: number;
  readonly overdueAcknowledgements: number;
  readonly participants: readonly BoardParticipant[];
}

interface BoardTeam {
  readonly teamId: string;
  readonly name: string;
}

const count = (participants: readonly BoardParticipant[], code: Alert['code']): number =>
  participants.reduce((sum, participant) => sum + participant.alerts.filter((alert) => alert.code === code).length, 0);

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/board')
export class BoardController {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    private readonly scopes: TeamScopes,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Per employment specialist: active caseload and alerts (no employer contact 30 days after enrolment, no contact for 14 days, relapse flag past review, job start without benefits counselling, employer contact-line requests open or not acknowledged in time). A specialist sees their own caseload; supervisors and caseworkers see all, or one with ?specialist=. A discharged participant stays while an employer request about them is open. Once teams are defined the board is one team's: `team` (a team id the reader is on, else 404 TEAM.NOT_FOUND), by default the reader's team, or of several the first by name (`teams` lists the others to choose from); it shows that team's participants only, under their specialists, and every employment specialist who is a member of the team (with the name the directory has).",
  })
  @ApiQuery({
    name: 'team',
    required: false,
    description: 'a team id the reader is a member of; the first of their teams by name when left out',
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
  })
  @ApiQuery({ name: 'specialist', required: false, description: 'employment specialist id (sub)', example: 'es-kari' })
  @ApiOkResponse({
    schema: {
      example: {
        date: '2026-03-02',
        team: { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90', name: 'IPS Trondheim sentrum' },
        teams: [
          { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90', name: 'IPS Trondheim sentrum' },
          { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f91', name: 'IPS Trondheim sør' },
        ],
        specialists: [
          {
            employmentSpecialistId: 'es-ingrid',
            displayName: 'Ingrid Solberg',
            caseload: 1,
            alerts: 2,
            openContactRequests: 1,
            overdueAcknowledgements: 1,
            participants: [
              {
                participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
                name: { givenName: 'Kari', familyName: 'Nordmann' },
                phase: 'enrolled',
                alerts: [
                  { code: 'NO_EMPLOYER_CONTACT_30_DAYS', since: '2026-02-01', message: '…' },
                  { code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE', since: '2026-03-02T21:15:00.000Z', message: '…' },
                ],
              },
            ],
          },
        ],
      },
    },
  })
  async board(
    @CurrentPrincipal() reader: Principal,
    @Query('specialist') specialist?: string,
    @Query('team') team?: string,
    @CorrelationId() correlationId?: string,
  ): Promise<{ date: string; team: BoardTeam | null; teams: BoardTeam[]; specialists: SpecialistBoard[] }> {
    if (team !== undefined && (typeof team !== 'string' || team.length === 0 || team.length > 200)) {
      throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', 'team must be a team id');
    }
    const only = OWN_CASELOAD.specialistOf(reader, specialist);
    const at = this.clock.now();
    const directory = this.scopes.teamDirectory;
    const [defined, teamsOfReader] = await Promise.all([directory.anyTeamDefined(), this.scopes.teams(reader, at)]);
    if (team !== undefined && !teamsOfReader.includes(team)) throw teamNotFound();
    // The reader's teams by name; the board is one of them: the one asked for, else the first by name. The team asked
    // for is known before its members are: its participants are read alongside them.
    const [mine, asked] = await Promise.all([
      defined ? directory.withMembers(teamsOfReader) : [],
      defined && team !== undefined ? directory.participantsOf([team], at) : null,
    ]);
    const chosen = mine.find((candidate) => candidate.teamId === (team ?? mine[0]?.teamId)) ?? null;
    // The team's participants by id first (null while no team is defined: every participant, as before teams).
    const inTeam = defined ? (chosen ? (asked ?? (await directory.participantsOf([chosen.teamId], at))) : []) : null;
    // Built for the case at hand: a `$1 is null or …` condition would keep PostgreSQL from the indexes.
    const params: unknown[] = [];
    const where = ['(discharged_at is null or exists (select 1 from tv_open_contact_requests o where o.participant_id = c.participant_id))'];
    if (only !== undefined) where.push(`employment_specialist_id = $${params.push(only)}`);
    if (inTeam !== null) where.push(`participant_id = any($${params.push(inTeam)}::uuid[])`);
    const rows = await this.db.query<{ participant_id: string; employment_specialist_id: string }>(
      `select participant_id, employment_specialist_id from tv_caseload c where ${where.join(' and ')} order by employment_specialist_id, enrolled_at`,
      params,
    );
    const now = at.toISOString();
    const today = now.slice(0, 10);
    const boards = new Map<string, BoardParticipant[]>();
    // The team's employment specialists, caseload or not (and the names the directory has for them).
    const names = new Map<string, string>();
    for (const period of chosen?.members ?? []) {
      const day = teamDay(chosen?.timeZone ?? 'UTC', at);
      if (period.role !== 'employment-specialist' || !isCurrentOn(period, day)) continue;
      names.set(period.sub, period.displayName);
      if (only === undefined || only === period.sub) boards.set(period.sub, []);
    }
    // Each from the stored view the consent in force gives this reader (decision 33); one audit statement for the board.
    const shown = new Map(
      (await shownParticipants(this.db, this.personalData, reader, { ids: rows.map((row) => row.participant_id), at })).map((row) => [row.participantId, row]),
    );
    await recordReads(this.db, reader, [...shown.keys()], 'read-board', at, correlationId);
    for (const row of rows) {
      const participant = shown.get(row.participant_id);
      if (!participant) continue;
      const { summary, alerts } = participant;
      const entry: BoardParticipant = { participantId: row.participant_id, name: summary.name, phase: summary.phase, enrolledAt: summary.enrolledAt, alerts };
      boards.set(row.employment_specialist_id, [...(boards.get(row.employment_specialist_id) ?? []), entry]);
    }
    return {
      date: today,
      team: chosen && { teamId: chosen.teamId, name: chosen.name },
      teams: mine.map(({ teamId, name }) => ({ teamId, name })),
      specialists: [...boards]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([employmentSpecialistId, participants]) => ({
          employmentSpecialistId,
          ...(names.has(employmentSpecialistId) ? { displayName: names.get(employmentSpecialistId) } : {}),
          caseload: participants.length,
          alerts: participants.reduce((sum, participant) => sum + participant.alerts.length, 0),
          openContactRequests: count(participants, 'CONTACT_REQUEST_OPEN') + count(participants, 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'),
          overdueAcknowledgements: count(participants, 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE'),
          participants,
        })),
    };
  }
}
