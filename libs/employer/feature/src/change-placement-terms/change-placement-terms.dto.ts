import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Min } from 'class-validator';
import { DateField } from '@ips/http';

const FINITE = { allowNaN: false, allowInfinity: false };

export class ChangePlacementTermsDto {
  @DateField('2026-06-01', 'from when the new terms apply')
  effectiveFrom!: string;

  /** The range (1 to 60) is the domain's rule: 422 PLACEMENT.INVALID_HOURS. */
  @ApiProperty({ example: 25, minimum: 1, maximum: 60 })
  @IsNumber(FINITE)
  hoursPerWeek!: number;

  /** The configured minimum is the domain's rule: 422 PLACEMENT.WAGE_BELOW_MINIMUM. */
  @ApiProperty({ example: 240, minimum: 0, description: 'ordinary wage per hour, local currency' })
  @IsNumber(FINITE)
  @Min(0)
  hourlyWage!: number;
}
