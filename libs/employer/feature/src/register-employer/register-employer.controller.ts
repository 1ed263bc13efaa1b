import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { decideRegisterEmployer } from '@ips/employer/domain';
import { EmployerCommands } from '../employer-command.handler';
import { EmployerController } from '../employer-route';
import { EmployerRegisteredDto, RegisterEmployerDto } from './register-employer.dto';

@EmployerController()
export class RegisterEmployerController {
  constructor(private readonly commands: EmployerCommands) {}

  @Post('employers')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register an employer (job development). An employer registering itself does so under the id its token names.',
  })
  @ApiCreatedResponse({ type: EmployerRegisteredDto })
  @ApiConflictResponse({ description: 'EMPLOYER.ALREADY_REGISTERED' })
  @ApiUnprocessableEntityResponse({ description: 'EMPLOYER.INVALID_ORGANISATION_NUMBER' })
  async register(
    @Body() body: RegisterEmployerDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<EmployerRegisteredDto> {
    // An employer's token already names its employer: a new id would be one it could never act for.
    const employerId = principal.agency === 'employer' && principal.employerId ? principal.employerId : randomUUID();
    await this.commands.execute(
      'RegisterEmployer',
      { employerId, name: body.name, organisationNumber: body.organisationNumber },
      decideRegisterEmployer,
      principal,
      correlationId,
    );
    return { employerId };
  }
}
