import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FollowAlongWith } from '@ips/employer/domain';
import { DateField, OptionalTextField } from '@ips/http';

const WITH = ['worker', 'employer', 'both'] as const satisfies readonly FollowAlongWith[];

/** The body of record-follow-along-contact: when, with whom and what of the support. */
export class RecordFollowAlongContactDto {
  @DateField('2026-03-20', 'happened', 'date of the contact (may be before the first working day)')
  contactedOn!: string;

  @ApiProperty({ enum: WITH, example: 'both', description: 'who was contacted' })
  @IsIn(WITH)
  with!: FollowAlongWith;

  @OptionalTextField('First week went well; agreed on a fixed lunch break')
  note?: string;
}
