import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateField, TextField } from '@ips/http';
import { ITEM_IDS } from '@ips/fidelity';

/** The body of open-fidelity-review: the period, the team (or all the reader's teams) and the reviewers. */
export class OpenFidelityReviewDto {
  @DateField('2026-01-01', 'happened', 'first day of the period reviewed')
  from!: string;

  @DateField('2026-06-30', 'happened', 'last day of the period reviewed, not after today')
  to!: string;

  @ApiPropertyOptional({
    example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90',
    maxLength: 200,
    description: "a team id the reader is a member of (else 404 TEAM.NOT_FOUND); all the reader's teams when left out",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  team?: string;

  @ApiProperty({
    example: ['rev-anne', 'rev-bo'],
    type: [String],
    description: 'the reviewers (token subjects): only they score items',
    minItems: 1,
    maxItems: 10,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  reviewers!: string[];
}

/** The body of score-fidelity-item: the reviewer's score for the item and why. */
export class ScoreFidelityItemDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: 5, description: 'the score by the scale’s anchors' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @TextField('Weekly team meetings with shared decisions; minutes seen for 10 of 12 weeks.', 2000)
  note!: string;
}

export class FidelityReviewCreatedDto {
  @ApiProperty({ example: '0193c000-0000-7000-8000-000000000001' })
  reviewId!: string;
}

export const ITEM_PARAM = { name: 'item', description: 'an IPS-25 item', schema: { type: 'string', enum: [...ITEM_IDS], example: 'O2' } } as const;
export const isItemId = (value: string): boolean => (ITEM_IDS as readonly string[]).includes(value);
