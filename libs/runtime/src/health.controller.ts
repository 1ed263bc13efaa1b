import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@ips/http';
import { SqlDriver } from '@ips/postgres';

/** The service's own database: ready means it answers. */
export const HEALTH_DB = Symbol('HEALTH_DB');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_DB) private readonly db: SqlDriver) {}

  @Get()
  @ApiOperation({ summary: 'Ready to serve: the database answers. No token needed.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'HEALTH.DATABASE_UNAVAILABLE' })
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.db.query('select 1');
    } catch {
      throw ProblemException.of(503, 'HEALTH.DATABASE_UNAVAILABLE', 'the database does not answer');
    }
    return { status: 'ok' };
  }
}
