import { Controller, Get, Inject, Injectable, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, ProblemException, ReportReply, wantsCsv } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { Period, fidelityCsv, fidelityFor, namedParticipants, resolvePeriod, withholdUnseen } from '@ips/fidelity';
import { recordReads } from '../audit/audit-log';
import { visibleTo } from '../participant-record';
import { loadFidelityFacts } from '../fidelity-facts/fidelity-facts.query';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { FIDELITY_EXAMPLE } from './fidelity.example';
import { FidelityQueryDto } from './fidelity-query.dto';
import { DEFAULT_DRIVERS_PAGE, DriversPage, PagedFidelity, driversPageOf, pageOfDrivers } from './fidelity-page';
import { TeamScopes } from '../team-scope';

/** Noon (UTC) of a period's last day, or now when that is later than now: the day a team's participants are read on. */
export const lastDayOf = (day: string, now: Date): Date => {
  const noon = new Date(`${day}T12:00:00.000Z`);
  return noon.getTime() > now.getTime() ? now : noon;
};

/**
 * The computed items for a period and team as this reader may see them: drivers outside their consent
 * counted, not named, and every participant named written to that participant's access log.
 */
@Injectable()
export class FidelityReader {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scopes: TeamScopes,
  ) {}

  /**
   * `team`: a team id the reader is on (else 404 TEAM.NOT_FOUND), or null for all the reader's teams; only the
   * participants of those teams on the period's last day are counted (every participant while no team is defined).
   * `specialist` narrows to one employment specialist's caseload within them. The participants' stored fidelity facts
   * are read (one statement, those served in the period), not their events. Each item's drivers come in pages
   * (`page`); only the participants named on the page are written to their access log (one statement).
   */
  async read(
    reader: Principal,
    period: Period,
    team: string | null,
    correlationId?: string,
    specialist: string | null = null,
    page: DriversPage = { limit: DEFAULT_DRIVERS_PAGE, offset: 0 },
  ): Promise<PagedFidelity> {
    const now = this.clock.now();
    const at = lastDayOf(period.to, now);
    const teams = await this.scopes.teams(reader, now, team);
    const byParticipant = await loadFidelityFacts(this.db, await this.scopes.participants(reader, at, teams, false), period, specialist);
    const visible = new Set([...byParticipant.values()].flatMap((events) => visibleTo(reader, events).map((event) => event.id)));
    const computed = fidelityFor(byParticipant, { period, team: specialist });
    const seen = withholdUnseen({ ...computed, team, ...(specialist === null ? {} : { specialist }) }, (eventId) => visible.has(eventId));
    const fidelity = pageOfDrivers(seen, page);
    await recordReads(this.db, reader, namedParticipants(fidelity), 'read-fidelity', now, correlationId);
    return fidelity;
  }
}

@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/fidelity')
export class FidelityController {
  constructor(
    private readonly fidelityReader: FidelityReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'IPS-25 fidelity items computed from the stored fidelity facts of the team’s participants (their shared events as fidelity reads them), for supervisors: per item the score 1–5 by the anchors (docs/fidelity-anchors.md), the figures it was read from and the participants and events behind it. Items the events cannot support, and those only a reviewer can score, answer score null with a reason. `total` and `band` only when all 25 items are scored; until then `computedTotal` and the reachable range. Drivers the reader may not see (consent) are counted in `withheldDrivers`, not named; each participant named on the page is written to their access log. `team` (a team id the reader is on, else 404 TEAM.NOT_FOUND) narrows to one team, all the reader’s teams when left out (only their participants are counted; while no team is defined, every participant); `specialist` narrows to one employment specialist’s caseload. Drivers come in pages: `limit` drivers per item (1–500, 200 when left out) from `offset` (0); each item answers `driversTotal` (its drivers the reader may see, on every page), the answer `next` (the `offset` of the next page while some item has more drivers, else null); figures and scores are always of every participant.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'JSON, or with Accept: text/csv one row per item', schema: { example: FIDELITY_EXAMPLE } })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID: a date that is not a real date, `to` after today, `from` after `to`, an unknown parameter; REQUEST.INVALID_QUERY: `limit` or `offset` not a whole number in bounds',
  })
  @ApiForbiddenResponse({ description: 'AUTH.FORBIDDEN: only welfare-office supervisors' })
  async fidelity(
    @Query() query: FidelityQueryDto,
    @CurrentPrincipal() reader: Principal,
    @Res({ passthrough: true }) response: ReportReply,
    @CorrelationId() correlationId?: string,
  ): Promise<PagedFidelity | string> {
    const page = driversPageOf(query.limit, query.offset);
    const period = resolvePeriod(query.from, query.to, this.clock.now().toISOString().slice(0, 10));
    if (Array.isArray(period)) throw ProblemException.of(400, 'REQUEST.INVALID', 'the period is not one that can be reviewed', period);
    const fidelity = await this.fidelityReader.read(reader, period, query.team ?? null, correlationId, query.specialist ?? null, page);
    if (wantsCsv(response)) {
      response.type('text/csv');
      return fidelityCsv(fidelity);
    }
    return fidelity;
  }
}
