import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { InDateWindow, TextField, describeWindow } from '@ips/http';
import { EMERGENCY_NOTE_MAX_LENGTH, EMERGENCY_REASON_CODES, EMERGENCY_REASON_MAX_LENGTH, EMERGENCY_REASON_TEXT, EmergencyReasonCode } from './emergency-access';

const NOT_BLANK = /\S/;

/** The body of grant-emergency-access: why (a code and words) and, if not the default, until when. */
export class GrantEmergencyAccessDto {
  @ApiProperty({
    enum: EMERGENCY_REASON_CODES,
    example: 'urgent-care',
    description: EMERGENCY_REASON_CODES.map((code) => `\`${code}\`: ${EMERGENCY_REASON_TEXT[code]}`).join('; '),
  })
  @IsIn(EMERGENCY_REASON_CODES)
  reasonCode!: EmergencyReasonCode;

  @ApiProperty({
    example: 'Admitted to the acute ward tonight; her team is unreachable and the ward needs her crisis plan.',
    maxLength: EMERGENCY_REASON_MAX_LENGTH,
    description: 'why, in words: the participant reads it in their access log, and a supervisor of their team reviews it',
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must say why' })
  @MaxLength(EMERGENCY_REASON_MAX_LENGTH)
  reason!: string;

  @ApiPropertyOptional({
    example: '2026-03-02T13:00:00.000Z',
    format: 'date-time',
    description: describeWindow(
      'planned',
      'when the access ends: ahead of now and at most 24 hours ahead (else 422); left out, EMERGENCY_ACCESS_HOURS (4) from now',
    ),
  })
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'until must name its offset (Z or +01:00)' })
  @MaxLength(40)
  @Validate(InDateWindow, ['planned'])
  until?: string;
}

export class EmergencyAccessGrantedDto {
  @ApiProperty({ example: '0193c000-0000-7000-8000-00000000e001' })
  grantId!: string;

  @ApiProperty({ example: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' })
  participantId!: string;

  @ApiProperty({ example: '2026-03-02T13:00:00.000Z', description: 'the record closes again at this instant, or when you end it' })
  until!: string;
}

/** The body of review-emergency-access: the supervisor's note. */
export class ReviewEmergencyAccessDto {
  @TextField('Justified: admitted at 23:10, the crisis plan was needed. Discussed with Dr Holm.', EMERGENCY_NOTE_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'note must say something' })
  note!: string;
}

export class EmergencyAccessListQuery {
  @ApiPropertyOptional({ example: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90', description: 'one team the reader supervises (else 404 TEAM.NOT_FOUND)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  team?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], example: 'false', description: '`false`: only those still to review; `true`: only those reviewed' })
  @IsOptional()
  @IsIn(['true', 'false'])
  reviewed?: 'true' | 'false';
}
