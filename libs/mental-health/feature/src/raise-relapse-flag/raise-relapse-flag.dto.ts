import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RELAPSE_RISK_LEVELS } from '@ips/contracts';
import { DateField } from '@ips/http';
import { RelapseRiskLevel } from '@ips/mental-health/domain';

/** The body of raise-relapse-flag: level, review date and agreed actions only: health information, so never a diagnosis. */
export class RaiseRelapseFlagDto {
  @ApiProperty({ enum: RELAPSE_RISK_LEVELS, example: 'elevated', description: 'how worried the treatment team is' })
  @IsIn(RELAPSE_RISK_LEVELS)
  level!: RelapseRiskLevel;

  /** Checked by the domain, so a date before today gets its own code, 422. */
  @DateField('2026-03-24', 'review', 'when the team looks at it again; today or later')
  reviewBy!: string;

  @ApiPropertyOptional({
    example: ['clinician calls weekly', 'specialist checks in with the employer'],
    type: [String],
    maxItems: 20,
    description: 'agreed actions (who does what); none when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  actions?: string[];
}

export class RelapseFlagRaisedDto {
  @ApiProperty({ example: '0190a6f0-0000-7000-8000-0000000f1a91' })
  flagId!: string;
}
