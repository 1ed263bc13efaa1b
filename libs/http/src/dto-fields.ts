import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }
  defaultMessage(): string {
    return 'must be a real date YYYY-MM-DD';
  }
}

/** A required real calendar date `YYYY-MM-DD`. */
export const DateField = (example: string, description?: string) =>
  applyDecorators(ApiProperty({ example, format: 'date', description }), IsString(), Validate(CalendarDate));

export const OptionalDateField = (example: string, description?: string) =>
  applyDecorators(ApiPropertyOptional({ example, format: 'date', description }), IsOptional(), IsString(), Validate(CalendarDate));

export const TextField = (example: string, maxLength = 200) =>
  applyDecorators(ApiProperty({ example, maxLength }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalTextField = (example: string, maxLength = 2000) =>
  applyDecorators(ApiPropertyOptional({ example, maxLength }), IsOptional(), IsString(), MaxLength(maxLength));

/** A list of short texts (at most 20 of at most 500 characters). */
export const TextListField = (example: string[]) =>
  applyDecorators(
    ApiProperty({ example, type: [String], maxItems: 20 }),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MaxLength(500, { each: true }),
  );
