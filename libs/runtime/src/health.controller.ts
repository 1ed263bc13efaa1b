import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ProblemDetails, ProblemException, problemDetails } from '@ips/http';
import { READINESS_PROBES, ReadinessCheck, ReadinessProbes, readinessChecks } from './health/readiness';

/** The service's own database (what `/health` asked alone before readiness had more checks; tests read the service's data by it). */
export const HEALTH_DB = Symbol('HEALTH_DB');

const READY_EXAMPLE = {
  status: 'ok',
  info: { database: { status: 'up' }, migrations: { status: 'up' }, consumers: { status: 'up', consumers: [] }, keyStore: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' }, migrations: { status: 'up' }, consumers: { status: 'up', consumers: [] }, keyStore: { status: 'up' } },
};

/** A readiness that failed: 503 problem+json that lists every check's state (`checks`) and names the failing ones. */
export function notReady(result: HealthCheckResult): ProblemException {
  const failing = Object.keys(result.error ?? {});
  const detail = result.status === 'shutting_down' ? 'the service is shutting down' : `not ready: ${failing.length ? failing.join(', ') : 'a check'} down`;
  return new ProblemException({ ...problemDetails(503, 'HEALTH.NOT_READY', detail), checks: result.details } as ProblemDetails);
}

/**
 * Liveness and readiness for the orchestrator and the gateway (terminus), no token needed: `live` answers while the
 * process does; `ready` (and `/health`, the fixed route of api-contract.md) while the database answers, every known
 * migration is applied, every consumer of the bus follows its source within the lag budget and the key store answers.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('health');
  private readonly checks: readonly ReadinessCheck[];

  constructor(
    private readonly healthChecks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) probes: ReadinessProbes,
  ) {
    this.checks = readinessChecks(probes);
  }

  @Get()
  @ApiOperation({ summary: 'Ready to serve (as /health/ready, answered briefly). No token needed.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'HEALTH.NOT_READY' })
  async health(): Promise<{ status: 'ok' }> {
    await this.readiness();
    return { status: 'ok' };
  }

  @Get('live')
  @ApiOperation({ summary: 'Alive: the process answers. No token needed.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Ready to serve: the database answers, its migrations are applied, the consumers of the bus follow within the lag budget, the key store answers. No token needed.',
  })
  @ApiOkResponse({ schema: { example: READY_EXAMPLE } })
  @ApiServiceUnavailableResponse({ description: 'HEALTH.NOT_READY' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  private async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.healthChecks.check(this.checks.map((check) => () => check(this.indicators)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const problem = notReady(error.getResponse() as HealthCheckResult);
      this.logger.warn(problem.problem.detail);
      throw problem;
    }
  }
}
