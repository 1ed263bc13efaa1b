import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { InDateWindow, describeWindow } from '@ips/http';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

@ValidatorConstraint({ name: 'instant' })
class Instant implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const day = INSTANT.exec(value)?.[1];
    if (!day || Number.isNaN(Date.parse(value))) return false;
    // Date.parse rolls 2026-02-30 over into March; a real calendar day does not move.
    return new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  }
  defaultMessage(): string {
    return 'must be an ISO-8601 instant with a zone, e.g. 2026-03-02T16:00:00Z';
  }
}

/** A required ISO-8601 instant with a zone (`Z` or an offset), its day within the planned window; read it with `toInstant`. */
export const InstantField = (example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ example, format: 'date-time', description: describeWindow('planned', description) }),
    IsString(),
    Validate(Instant),
    Validate(InDateWindow, ['planned']),
  );

export const OptionalInstantField = (example: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, format: 'date-time', description: describeWindow('planned', description) }),
    IsOptional(),
    IsString(),
    Validate(Instant),
    Validate(InDateWindow, ['planned']),
  );

/** The instant in the one form events and answers carry: ISO-8601 UTC with milliseconds. */
export const toInstant = (value: string): string => new Date(value).toISOString();

/** Today's date (UTC) as `YYYY-MM-DD`. */
export const today = (now: Date): string => now.toISOString().slice(0, 10);
