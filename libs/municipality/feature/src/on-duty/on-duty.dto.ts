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

export class OnDutyDto {
  @ApiProperty({ example: '2026-03-02T22:30:00.000Z' })
  at!: string;

  @ApiProperty({ type: [OnDutyWorkerDto], description: 'earliest shift first; empty when nobody is on duty' })
  onDuty!: OnDutyWorkerDto[];
}
