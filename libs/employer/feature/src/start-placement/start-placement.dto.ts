import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EmploymentType } from '@ips/employer/domain';
import { DateField, HOURLY_WAGE, HOURS_PER_WEEK, NumberField, TextField } from '@ips/http';

/** All kinds are accepted here so that the domain refuses non-competitive work with its own code (422). */
export const EMPLOYMENT_TYPES = ['competitive', 'sheltered', 'unpaid-trial'] as const satisfies readonly EmploymentType[];

/** The body of start-placement: who starts which job, with whom, from when, at what hours and wage. */
export class StartPlacementDto {
  @ApiProperty({ example: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' })
  @IsUUID()
  participantId!: string;

  @ApiProperty({ example: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' })
  @IsUUID()
  employerId!: string;

  @TextField('Warehouse assistant')
  jobTitle!: string;

  @DateField('2026-03-16', 'planned', 'first working day: recorded afterwards, or agreed ahead')
  startDate!: string;

  @NumberField(20, HOURS_PER_WEEK, 'paid hours a week (1 to 60 for a placement, else 422 PLACEMENT.INVALID_HOURS)')
  hoursPerWeek!: number;

  @NumberField(230, HOURLY_WAGE, 'ordinary wage per hour, local currency (below the configured minimum: 422 PLACEMENT.WAGE_BELOW_MINIMUM)')
  hourlyWage!: number;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, default: 'competitive', example: 'competitive', description: 'only competitive work is a placement' })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;
}

export class PlacementStartedDto {
  @ApiProperty({ example: '0190a6f0-0000-7000-8000-00000000c101' })
  placementId!: string;
}
