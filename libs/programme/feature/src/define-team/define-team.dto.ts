import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '@ips/http';

/** The body of define-team: the team's name, municipality and time zone. */
export class DefineTeamDto {
  @TextField('IPS Trondheim sentrum')
  name!: string;

  @TextField('Trondheim')
  municipality!: string;

  /** Checked by the domain against the time-zone database: 422 TEAM.INVALID_TIME_ZONE. */
  @ApiProperty({ example: 'Europe/Oslo', description: "IANA time zone: the team's days (membership from, until) are its local days", maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timeZone!: string;
}

export class TeamDefinedDto {
  @ApiProperty({ example: '0190a6f0-0000-7000-8000-00000000b001' })
  teamId!: string;
}
