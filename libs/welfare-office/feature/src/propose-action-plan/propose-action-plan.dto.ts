import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ActionPlanFieldsDto } from '../write-action-plan/write-action-plan.dto';

/** The body of propose-action-plan: the plan the participant writes, and a note to the specialist. */
export class ProposeActionPlanDto extends ActionPlanFieldsDto {
  @ApiPropertyOptional({ example: 'I would like to start with fewer hours.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ProposalCreatedDto {
  @ApiProperty({ format: 'uuid', example: '0190a6f0-0000-7000-8000-0000000000a1' })
  proposalId!: string;
}
