import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { DateField, OptionalTextField } from '@ips/http';

const MODES = ['in-person', 'phone', 'video', 'message'] as const;

/** The body of record-participant-contact: when, how (mode), whether it was out in the community, and a note. */
export class RecordParticipantContactDto {
  @DateField('2026-02-10', 'happened', 'date of the contact')
  contactedOn!: string;

  @ApiProperty({ enum: MODES, example: 'in-person' })
  @IsIn(MODES)
  mode!: (typeof MODES)[number];

  @ApiProperty({ example: true, description: 'out in the community rather than at the office' })
  @IsBoolean()
  inCommunity!: boolean;

  @OptionalTextField('Coffee near the job centre; CV finished')
  note?: string;
}
