import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PLACEMENT_END_REASONS } from '@ips/contracts';
import { PlacementEndReason } from '@ips/employer/domain';
import { DateField, OptionalTextField } from '@ips/http';

/** The body of end-placement: when and why the job ended. */
export class EndPlacementDto {
  @DateField('2026-05-29', 'planned', 'last working day (not before the first)')
  endDate!: string;

  @ApiProperty({ enum: PLACEMENT_END_REASONS, example: 'contract-ended' })
  @IsIn(PLACEMENT_END_REASONS)
  reason!: PlacementEndReason;

  @OptionalTextField('Seasonal contract; the employer wants her back in the autumn')
  note?: string;
}
