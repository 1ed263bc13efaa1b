import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TextListField } from '@ips/http';

/** What a plan says, whoever writes it down: the specialist's plan and the participant's proposal alike. */
export class ActionPlanFieldsDto {
  @TextListField(['a paid job before summer'])
  goals!: string[];

  @TextListField(['warehouse', 'gardening'])
  jobPreferences!: string[];

  @ApiProperty({ example: 20, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  hoursPerWeek!: number;

  @TextListField(['help with the CV', 'someone to call on bad days'])
  supportsWanted!: string[];
}

/** The body of write-action-plan: the plan, and the participant's proposal it records (if any). */
export class WriteActionPlanDto extends ActionPlanFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '0190a6f0-0000-7000-8000-0000000000a1',
    description: "the participant's open proposal this plan records (404 ACTION_PLAN.PROPOSAL_NOT_FOUND, 409 ACTION_PLAN.PROPOSAL_CLOSED)",
  })
  @IsOptional()
  @IsUUID()
  proposalId?: string;
}
