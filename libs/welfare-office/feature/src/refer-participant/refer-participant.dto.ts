import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DateField } from '@ips/http';

/** The body of refer-participant: who is referred, by whom, why, and to which team. */
export class ReferParticipantDto {
  @ApiProperty({ example: 'Kari', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenName!: string;

  @ApiProperty({ example: 'Nordmann', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  familyName!: string;

  @DateField('1994-03-02', 'birth', 'date of birth')
  birthDate!: string;

  @ApiProperty({ example: 'DPS Lerkendal, outpatient clinic', description: 'a service, a person, or "self"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  referredBy!: string;

  @ApiPropertyOptional({ example: 'Wants a job in a warehouse; has been out of work for three years.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0190a6f0-0000-7000-8000-00000000b001',
    description: 'the IPS team the participant is referred to; required once the programme has defined a team, the default team until then',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'true: the referrer checked that the person is not the one (or ones) a 409 REFERRAL.POSSIBLE_DUPLICATE named, and a new record is made',
  })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

export class ReferralCreatedDto {
  @ApiProperty({ example: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' })
  participantId!: string;
}
