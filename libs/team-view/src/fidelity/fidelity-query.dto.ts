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

export class FidelityQueryDto {
  @OptionalDateField('2026-01-01', 'happened', 'first day of the period; 89 days before `to` when left out (90 days in all)')
  from?: string;

  @OptionalDateField('2026-03-31', 'happened', 'last day of the period, not after today; today when left out')
  to?: string;

  @SpecialistField()
  team?: string;
}
