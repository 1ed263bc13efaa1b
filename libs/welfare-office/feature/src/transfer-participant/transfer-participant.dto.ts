import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OptionalDateField, TextField } from '@ips/http';

/** The body of transfer-participant: the new team, the reason, and the first day there. */
export class TransferParticipantDto {
  @ApiProperty({ format: 'uuid', example: '0190a6f0-0000-7000-8000-00000000b002', description: 'the team the participant joins' })
  @IsUUID()
  toTeamId!: string;

  @TextField('Moved to Heimdal; the team there takes over from 1 March', 2000)
  reason!: string;

  @OptionalDateField('2026-03-01', 'planned', 'the first day with the new team; today when left out; at most 30 days back or ahead')
  on?: string;
}
