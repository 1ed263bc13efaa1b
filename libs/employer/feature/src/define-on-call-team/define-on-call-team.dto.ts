import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '@ips/http';

/** The body of define-on-call-team: the team's name, time zone and whose participants it covers. */
export class DefineOnCallTeamDto {
  @TextField('IPS Trondheim')
  name!: string;

  /** Checked by the domain against the time-zone database: 422 ON_CALL.INVALID_TIME_ZONE. */
  @ApiProperty({ example: 'Europe/Oslo', description: 'IANA time zone: shift times are read and shown in it', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ example: ['es-ingrid', 'es-per'], description: 'whose participants this on-call covers (token subjects)', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  employmentSpecialistIds!: string[];
}

export class OnCallTeamDefinedDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000b001' })
  teamId!: string;
}
