import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AgencyController } from '@ips/http';
import { ApiInvalidRequest } from '../contact-line/contact-line-route';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { listEmployers } from '../contact-line/employer-directory';
import { EmployerListDto, ListEmployersQueryDto } from './list-employers.dto';

@AgencyController('employer', 'employers')
export class ListEmployersController {
  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    private readonly projector: ContactLineProjector,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The employers registered so far, by name, for the staff who develop jobs to pick from (an employer contact, a ' +
      'placement). Organisations only: nothing about participants. Includes every employer registered before the call.',
  })
  @ApiOkResponse({ type: EmployerListDto })
  @ApiInvalidRequest('limit', 'limit must not be greater than 500')
  async list(@Query() query: ListEmployersQueryDto): Promise<EmployerListDto> {
    await this.projector.waitForHead();
    return { employers: await listEmployers(this.store.driver, query.search, query.limit ?? 200) };
  }
}
