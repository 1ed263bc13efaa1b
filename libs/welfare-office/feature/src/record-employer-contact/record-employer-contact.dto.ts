import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { EMPLOYER_CONTACT_KINDS } from '@ips/contracts';
import { OptionalDateField, OptionalTextField } from '@ips/http';

/** The body of record-employer-contact: the employer, the kind of contact, its day (today when left out), and a note. */
export class RecordEmployerContactDto {
  @ApiProperty({ example: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' })
  @IsUUID()
  employerId!: string;

  @ApiProperty({ enum: EMPLOYER_CONTACT_KINDS, example: 'face-to-face' })
  @IsIn(EMPLOYER_CONTACT_KINDS)
  kind!: (typeof EMPLOYER_CONTACT_KINDS)[number];

  @OptionalDateField('2026-02-10', 'happened', 'date of the contact; today when left out')
  contactedOn?: string;

  @OptionalTextField('Met the warehouse manager; trial day possible in March')
  note?: string;
}
