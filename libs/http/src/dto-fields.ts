import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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
