import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '@ips/http';
import { InstantField } from '../time-fields';

/** The body of schedule-duty: who is on crisis duty, how to reach them, and from when to when. */
export class ScheduleDutyDto {
  @ApiProperty({ example: 'mw-siri', description: "the worker's user id (token subject)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  workerId!: string;

  @TextField('Siri Berg')
  name!: string;

  /** Checked by the domain, so a number nobody can dial gets its own code, 422 DUTY.INVALID_PHONE. */
  @ApiProperty({ example: '+4791234567', description: '+ and 8 to 15 digits: the employer line dials it as written' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone!: string;

  @InstantField('2026-03-02T16:00:00Z', 'start of the shift (inclusive)')
  from!: string;

  @InstantField('2026-03-03T08:00:00Z', 'end of the shift (exclusive), after the start')
  to!: string;
}

export class DutyScheduledDto {
  @ApiProperty({ example: '9c4d2e1f-3a5b-4c6d-8e7f-0a1b2c3d4e5f' })
  shiftId!: string;
}
