import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblem, ProblemException } from '@ips/http';
import { ServiceMetrics } from '@ips/observability';

/** The service's metrics and the token a scraper must send (METRICS_TOKEN), if any. */
export interface MetricsEndpoint {
  readonly metrics: ServiceMetrics;
  readonly token?: string;
}

export const METRICS_ENDPOINT = Symbol('METRICS_ENDPOINT');

const EXAMPLE = [
  '# HELP ips_commands_total Commands run through the command pipeline, by type and outcome',
  '# TYPE ips_commands_total counter',
  'ips_commands_total{type="ReferParticipant",outcome="ok",kind="",service="platform"} 12',
].join('\n');

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * GET /metrics for Prometheus. Outside the API's tokens (the access policy lets anyone through, as for /health): the
 * scraper is no member of staff. With METRICS_TOKEN set only `Authorization: Bearer <METRICS_TOKEN>` reads it.
 */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_ENDPOINT) private readonly endpoint: MetricsEndpoint) {}

  @Get()
  @ApiOperation({
    summary:
      "The service's metrics in Prometheus's text format (prefix ips_, label service; docs/operations.md). No API token; with METRICS_TOKEN set, Authorization: Bearer <METRICS_TOKEN>. Not mounted with METRICS=off.",
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ content: { 'text/plain': { schema: { type: 'string' }, example: EXAMPLE } } })
  @ApiProblem(401, 'METRICS.TOKEN_INVALID', 'METRICS_TOKEN is set: send Authorization: Bearer <METRICS_TOKEN>')
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: { type(contentType: string): unknown },
  ): Promise<string> {
    this.checkToken(authorization);
    const text = await this.endpoint.metrics.render();
    reply.type(this.endpoint.metrics.contentType);
    return text;
  }

  private checkToken(authorization: string | undefined): void {
    const expected = this.endpoint.token;
    if (!expected) return;
    const sent = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
    if (!timingSafeEqual(digest(sent), digest(expected))) {
      throw ProblemException.of(401, 'METRICS.TOKEN_INVALID', 'METRICS_TOKEN is set: send Authorization: Bearer <METRICS_TOKEN>');
    }
  }
}
