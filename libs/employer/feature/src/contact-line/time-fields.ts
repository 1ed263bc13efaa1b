import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { InDateWindow, describeWindow } from '@ips/http';

/** The shape only: whether the day exists, and what a local time means in the team's zone, is the domain's call (422). */
const SHIFT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A local time in the team's zone (`2026-03-02T16:00`) or an instant with its zone; its day within the planned window. */
export const ShiftTimeField = (example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, description: describeWindow('planned', `${description}: a local time in the team's zone, or an instant with its zone`) }),
    IsString(),
    MaxLength(40),
    Matches(SHIFT_TIME, { message: '$property must look like 2026-03-02T16:00 (local) or 2026-03-02T15:00:00Z' }),
    Validate(InDateWindow, ['planned']),
  );

export const OptionalInstantField = (example: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description: describeWindow('planned', description) }),
    IsOptional(),
    IsString(),
    MaxLength(40),
    Matches(INSTANT, { message: '$property must be an instant with its zone, e.g. 2026-03-02T21:30:00Z' }),
    Validate(InDateWindow, ['planned']),
  );
