import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal, REGISTERS_ITSELF } from '@ips/access';
import { AgencyController } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RegisterEmployerCommand } from './register-employer.command';
import { EmployerRegisteredDto, RegisterEmployerDto } from './register-employer.dto';

@AgencyController('employer', 'employers')
export class RegisterEmployerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register an employer (job development). An employer registering itself does so under the id its token names.',
  })
  @ApiCreatedResponse({ type: EmployerRegisteredDto })
  @ApiConflictResponse({ description: 'EMPLOYER.ALREADY_REGISTERED' })
  @ApiUnprocessableEntityResponse({ description: 'EMPLOYER.INVALID_ORGANISATION_NUMBER' })
  async register(@Body() body: RegisterEmployerDto, @CurrentPrincipal() principal: Principal, @Issuer() issuer: CommandIssuer): Promise<EmployerRegisteredDto> {
    // An employer's token already names its employer: a new id would be one it could never act for.
    const employerId = REGISTERS_ITSELF.employerIdOf(principal) ?? randomUUID();
    accepted(await this.commands.execute(new RegisterEmployerCommand({ employerId, name: body.name, organisationNumber: body.organisationNumber }, issuer)));
    return { employerId };
  }
}
