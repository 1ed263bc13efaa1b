import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalDateField } from '@ips/http';

const SpecialistField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'es-ingrid', maxLength: 200, description: 'an employment specialist id: narrows the review to their caseload' }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );

export const TeamField = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
      maxLength: 200,
      description: "a team id the reader is a member of (else 404 TEAM.NOT_FOUND); all the reader's teams when left out",
    }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );

export class FidelityQueryDto {
  @OptionalDateField('2026-01-01', 'happened', 'first day of the period; 89 days before `to` when left out (90 days in all)')
  from?: string;

  @OptionalDateField('2026-03-31', 'happened', 'last day of the period, not after today; today when left out')
  to?: string;

  @TeamField()
  team?: string;

  @SpecialistField()
  specialist?: string;

  @ApiPropertyOptional({ type: Number, example: 50, description: 'drivers per item on the page, 1 to 500 (200 when left out)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  limit?: string;

  @ApiPropertyOptional({ type: Number, example: 0, description: 'where the page of drivers starts: 0, or the `next` of the page before' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  offset?: string;
}
