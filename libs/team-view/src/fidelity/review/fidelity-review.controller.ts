import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { CLOCK, Clock, CommandIssuer, accepted } from '@ips/kernel';
import { CommandPipeline } from '@ips/command-pipeline';
import { CorrelationId, NoFieldsPipe, PathId, ProblemException, ReportReply, wantsCsv } from '@ips/http';
import { uuidv7 } from '@ips/utils';
import {
  Fidelity,
  FidelityReview,
  FidelityReviewErrors,
  FidelityReviewView,
  FidelityReviews,
  ItemId,
  Score,
  computedScores,
  resolvePeriod,
  reviewCsv,
  reviewView,
} from '@ips/fidelity';
import { FidelityReader } from '../fidelity.controller';
import { CompleteFidelityReviewCommand } from './complete-fidelity-review/complete-fidelity-review.command';
import { FidelityReviewCreatedDto, ITEM_PARAM, OpenFidelityReviewDto, ScoreFidelityItemDto, isItemId } from './fidelity-review.dto';
import { loadFidelityReviews } from './fidelity-reviews.store';
import { OpenFidelityReviewCommand } from './open-fidelity-review/open-fidelity-review.command';
import { ScoreFidelityItemCommand } from './score-fidelity-item/score-fidelity-item.command';
import { TeamScopes } from '../../team-scope';

const REVIEW_EXAMPLE: FidelityReviewView = {
  reviewId: '0193c000-0000-7000-8000-000000000001',
  team: null,
  from: '2026-01-01',
  to: '2026-06-30',
  reviewers: ['rev-anne', 'rev-bo'],
  status: 'open',
  openedAt: '2026-06-29T09:00:00.000Z',
  completedAt: null,
  items: [
    { item: 'S1', name: 'caseload', source: 'events', score: 4 },
    { item: 'O2', name: 'team contact', source: 'reviewer', score: 4, note: 'weekly meetings, minutes seen', scoredBy: 'rev-anne' },
    { item: 'O7', name: 'agency focus on work', source: null, score: null },
  ],
  total: null,
  band: null,
  missingItems: ['O7'],
};

/**
 * Fidelity reviews: a team and period, its reviewers, their scores for the items only judgement can score,
 * next to the items computed from events; the total and band once all 25 are scored; completed reviews
 * kept (as events) to compare over time. Computed items are read as the fidelity route reads them:
 * filtered by consent and audited.
 */
@ApiTags('team-view')
@ApiBearerAuth()
@Controller('team-view/fidelity/reviews')
export class FidelityReviewController {
  constructor(
    private readonly commands: CommandBus,
    private readonly pipeline: CommandPipeline,
    private readonly fidelity: FidelityReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scopes: TeamScopes,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a fidelity review of a team (or the programme) over a period, naming its reviewers.' })
  @ApiCreatedResponse({ type: FidelityReviewCreatedDto })
  async open(@Body() body: OpenFidelityReviewDto, @Issuer() issuer: CommandIssuer): Promise<FidelityReviewCreatedDto> {
    const period = resolvePeriod(body.from, body.to, this.clock.now().toISOString().slice(0, 10));
    if (Array.isArray(period)) throw ProblemException.of(400, 'REQUEST.INVALID', 'the period is not one that can be reviewed', period);
    const reviewId = uuidv7();
    const data = { reviewId, team: body.team ?? null, from: period.from, to: period.to, reviewers: body.reviewers };
    accepted(await this.commands.execute(new OpenFidelityReviewCommand(data, issuer)));
    return { reviewId };
  }

  @Get()
  @ApiOperation({ summary: 'Every fidelity review, oldest period first, with its total and band once complete: how the programme moves over time.' })
  @ApiQuery({
    name: 'team',
    required: false,
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
    description:
      "only the reviews of this team (a team id the reader is on, else 404 TEAM.NOT_FOUND); left out, those of the reader's teams and those opened for all of a reader's teams",
  })
  @ApiOkResponse({
    schema: {
      example: {
        reviews: [
          {
            reviewId: REVIEW_EXAMPLE.reviewId,
            team: null,
            from: '2026-01-01',
            to: '2026-06-30',
            status: 'completed',
            completedAt: '2026-07-01T10:00:00.000Z',
            total: 96,
            band: 'fair',
          },
        ],
      },
    },
  })
  async list(
    @CurrentPrincipal() reader: Principal,
    @Query('team') team?: string,
  ): Promise<{ reviews: Omit<FidelityReviewView, 'items' | 'reviewers' | 'missingItems' | 'openedAt'>[] }> {
    if (team !== undefined && (typeof team !== 'string' || team.length === 0 || team.length > 200)) {
      throw ProblemException.of(400, 'REQUEST.INVALID', 'team must be a team id', [{ field: 'team', message: 'must be a team id' }]);
    }
    if (team !== undefined) await this.scopes.teams(reader, this.clock.now(), team);
    const all = [...(await this.reviews()).values()];
    const shown: FidelityReview[] = [];
    for (const review of all) if ((team === undefined || review.team === team) && (await this.mayRead(review, reader))) shown.push(review);
    const reviews = shown;
    return {
      reviews: reviews
        .sort((a, b) => a.to.localeCompare(b.to) || a.openedAt.localeCompare(b.openedAt))
        .map((review) => ({
          reviewId: review.reviewId,
          team: review.team,
          from: review.from,
          to: review.to,
          status: review.completed ? 'completed' : 'open',
          completedAt: review.completed?.at ?? null,
          total: review.completed?.total ?? null,
          band: review.completed?.band ?? null,
        })),
    };
  }

  @Get(':reviewId')
  @ApiOperation({
    summary:
      'One review: every item with its score and where it comes from (events or a reviewer, with the note), the total and band once all 25 are scored. Accept: text/csv gives one row per item and the total.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: { example: REVIEW_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'FIDELITY_REVIEW.NOT_FOUND' })
  async get(
    @PathId('reviewId') reviewId: string,
    @CurrentPrincipal() reader: Principal,
    @Res({ passthrough: true }) response: ReportReply,
    @CorrelationId() correlationId?: string,
  ): Promise<FidelityReviewView | string> {
    const review = await this.review(reviewId, reader);
    const view = reviewView(review, await this.live(review, reader, correlationId));
    if (!wantsCsv(response)) return view;
    response.type('text/csv');
    return reviewCsv(view);
  }

  @Put(':reviewId/items/:item')
  @HttpCode(200)
  @ApiOperation({ summary: "A reviewer's score and note for an item the events cannot score (a later score replaces it)." })
  @ApiParam(ITEM_PARAM)
  @ApiOkResponse({ schema: { example: REVIEW_EXAMPLE } })
  @ApiForbiddenResponse({ description: 'FIDELITY_REVIEW.NOT_A_REVIEWER' })
  @ApiNotFoundResponse({ description: 'FIDELITY_REVIEW.NOT_FOUND' })
  @ApiConflictResponse({ description: 'FIDELITY_REVIEW.ITEM_COMPUTED (the events score it), FIDELITY_REVIEW.COMPLETED' })
  async score(
    @PathId('reviewId') reviewId: string,
    @Param('item') item: string,
    @Body() body: ScoreFidelityItemDto,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<FidelityReviewView> {
    if (!isItemId(item))
      throw ProblemException.of(400, 'REQUEST.INVALID', `${item} is not an IPS-25 item`, [{ field: 'item', message: 'must be an IPS-25 item, e.g. O2' }]);
    const review = await this.review(reviewId, principal);
    if (!review.reviewers.includes(principal.sub)) {
      throw ProblemException.of(403, 'FIDELITY_REVIEW.NOT_A_REVIEWER', 'only the reviewers named when the review was opened score its items');
    }
    const live = await this.live(review, principal, issuer.correlationId);
    const data = { reviewId, item: item as ItemId, score: body.score as Score, note: body.note, computed: computedScores(live)[item as ItemId] ?? null };
    accepted(await this.commands.execute(new ScoreFidelityItemCommand(data, issuer)));
    return reviewView(await this.review(reviewId), live);
  }

  @Post(':reviewId/completion')
  @HttpCode(201)
  @ApiOperation({ summary: 'Complete the review once all 25 items have a score: the computed scores are frozen as they are today, with the total and band.' })
  @ApiCreatedResponse({
    schema: { example: { ...REVIEW_EXAMPLE, status: 'completed', completedAt: '2026-07-01T10:00:00.000Z', total: 96, band: 'fair', missingItems: [] } },
  })
  @ApiNotFoundResponse({ description: 'FIDELITY_REVIEW.NOT_FOUND' })
  @ApiConflictResponse({ description: 'FIDELITY_REVIEW.INCOMPLETE (names the items without a score), FIDELITY_REVIEW.COMPLETED' })
  async complete(
    @PathId('reviewId') reviewId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<FidelityReviewView> {
    const review = await this.review(reviewId, principal);
    const live = await this.live(review, principal, issuer.correlationId);
    const data = { reviewId, computed: computedScores(live) };
    accepted(await this.commands.execute(new CompleteFidelityReviewCommand(data, issuer)));
    return reviewView(await this.review(reviewId), null);
  }

  private reviews(): Promise<FidelityReviews> {
    return loadFidelityReviews(this.pipeline);
  }

  /** A review of a team the reader is not on reads as one that does not exist. */
  private async review(reviewId: string, reader?: Principal): Promise<FidelityReview> {
    const review = (await this.reviews()).get(reviewId);
    if (!review || (reader && !(await this.mayRead(review, reader))))
      throw ProblemException.of(404, FidelityReviewErrors.notFound, 'no fidelity review with this id');
    return review;
  }

  /** The computed items of an open review's period as this reader may see them (audited); none once completed. */
  private async live(review: FidelityReview, reader: Principal, correlationId?: string): Promise<Fidelity | null> {
    if (review.completed) return null;
    // A review's team is a team id; one opened before teams named an employment specialist: their caseload.
    const isTeam = review.team !== null && (await this.scopes.teamDirectory.teamExists(review.team));
    return this.fidelity.read(reader, { from: review.from, to: review.to }, isTeam ? review.team : null, correlationId, isTeam ? null : review.team);
  }

  /** A review of a team the directory knows is read by that team's members only; others (all teams, before teams) by anyone allowed the route. */
  private async mayRead(review: FidelityReview, reader: Principal): Promise<boolean> {
    if (review.team === null || !(await this.scopes.teamDirectory.teamExists(review.team))) return true;
    return (await this.scopes.teamDirectory.teamsOfReader(reader, this.clock.now())).includes(review.team);
  }
}
