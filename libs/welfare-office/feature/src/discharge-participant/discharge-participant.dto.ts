import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DISCHARGE_REASONS } from '@ips/contracts';
import { OptionalTextField } from '@ips/http';

/** The body of discharge-participant: the reason, and a note. */
export class DischargeParticipantDto {
  /** Checked by the domain, so a refused reason (missed appointments) gets its own code, 422. */
  @ApiProperty({ enum: DISCHARGE_REASONS, example: 'steady-employment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reason!: string;

  @OptionalTextField('A year of steady work; she knows she can call')
  note?: string;
}
