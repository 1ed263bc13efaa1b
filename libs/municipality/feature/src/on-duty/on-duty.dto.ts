import { ApiProperty } from '@nestjs/swagger';
import { OptionalInstantField } from '../time-fields';

export class OnDutyQueryDto {
  @OptionalInstantField('2026-03-02T22:30:00Z', 'when; now when left out')
  at?: string;
}

export class OnDutyWorkerDto {
  @ApiProperty({ example: 'mw-siri' })
  workerId!: string;

  @ApiProperty({ example: 'Siri Berg' })
  name!: string;

  @ApiProperty({ example: '+4791234567' })
  phone!: string;
}

export class RotaShiftDto extends OnDutyWorkerDto {
  @ApiProperty({ example: '9c4d2e1f-3a5b-4c6d-8e7f-0a1b2c3d4e5f' })
  shiftId!: string;

  @ApiProperty({ example: '2026-03-02T16:00:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-03-03T08:00:00.000Z' })
  to!: string;
}

export class OnDutyDto {
  @ApiProperty({ example: '2026-03-02T22:30:00.000Z' })
  at!: string;

  @ApiProperty({ type: [OnDutyWorkerDto], description: 'earliest shift first; empty when nobody is on duty' })
  onDuty!: OnDutyWorkerDto[];

  @ApiProperty({ type: [RotaShiftDto], description: 'the rota ahead: shifts not over at `at` (the one on now included), not cancelled, earliest first' })
  shifts!: RotaShiftDto[];
}
