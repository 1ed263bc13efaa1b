import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STAFF_ROLES, TEAM_AGENCIES } from '@ips/contracts';

export class ListTeamsQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    example: 'true',
    description: "also the ended (and not yet started) periods: for the programme's administrator, and a supervisor for their own teams",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  history?: 'true' | 'false';
}

export class TeamMemberDto {
  @ApiProperty({ example: 'es-ingrid', description: "the person's token subject" })
  sub!: string;

  @ApiProperty({ example: 'Ingrid Solberg' })
  displayName!: string;

  @ApiProperty({ enum: TEAM_AGENCIES, example: 'welfare-office' })
  agency!: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'employment-specialist' })
  role!: string;

  @ApiProperty({ example: '2026-01-05', format: 'date', description: "first day on the team (the team's day)" })
  from!: string;

  @ApiProperty({ example: null, format: 'date', nullable: true, type: String, description: 'first day without access through the team; null while open' })
  until!: string | null;
}

export class TeamListEntryDto {
  @ApiProperty({ example: '0190a6f0-0000-7000-8000-00000000b001', format: 'uuid' })
  teamId!: string;

  @ApiProperty({ example: 'IPS Trondheim sentrum' })
  name!: string;

  @ApiProperty({ example: 'Trondheim' })
  municipality!: string;

  @ApiProperty({ example: 'Europe/Oslo', description: "IANA time zone: the team's days are read in it" })
  timeZone!: string;

  @ApiProperty({ example: '2026-03-02', format: 'date', description: "the team's day today: who is current is read on it" })
  today!: string;

  @ApiProperty({ example: false, description: 'whether `members` holds every period (history asked for, and allowed) or only the current ones' })
  history!: boolean;

  @ApiProperty({ type: [TeamMemberDto], description: 'by name, then first day' })
  members!: TeamMemberDto[];
}

export class TeamListDto {
  @ApiProperty({ type: [TeamListEntryDto], description: 'by name; empty for staff on no team' })
  teams!: TeamListEntryDto[];
}
