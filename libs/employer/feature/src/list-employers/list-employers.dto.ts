import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ListEmployersQueryDto {
  @ApiPropertyOptional({ example: 'lager', description: 'part of the name (any case) or of the organisation number' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500, default: 200, description: 'by name' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class EmployerEntryDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000e101' })
  employerId!: string;

  @ApiProperty({ example: 'Trondheim Lager AS' })
  name!: string;

  @ApiProperty({ example: '912345678' })
  organisationNumber!: string;

  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' })
  registeredAt!: string;
}

export class EmployerListDto {
  @ApiProperty({ type: [EmployerEntryDto] })
  employers!: EmployerEntryDto[];
}
