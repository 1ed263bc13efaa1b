import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ContactRequestStatus } from '../contact-line/contact-request.view';

export const STATUS_FILTERS = ['open', 'received', 'escalated', 'acknowledged', 'resolved'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export class ListContactRequestsQueryDto {
  @ApiPropertyOptional({ enum: STATUS_FILTERS, example: 'open', description: 'open: not yet resolved; all when left out' })
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  status?: StatusFilter;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 200, default: 50, description: 'newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export const statusesOf = (filter: StatusFilter | undefined): readonly ContactRequestStatus[] | null =>
  filter === undefined ? null : filter === 'open' ? ['received', 'escalated', 'acknowledged'] : [filter];
