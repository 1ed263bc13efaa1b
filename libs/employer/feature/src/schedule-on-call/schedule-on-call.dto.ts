import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OnCallRole } from '@ips/employer/domain';
import { ShiftTimeField } from '../contact-line/time-fields';

const ROLES = ['employment-specialist', 'supervisor'] as const satisfies readonly OnCallRole[];

/** The body of schedule-on-call: who is on call, in which role, from when to when. */
export class ScheduleOnCallDto {
  @ApiProperty({ example: 'es-ingrid', description: "the worker's user id (token subject)", maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  workerId!: string;

  @ApiProperty({ enum: ROLES, example: 'employment-specialist', description: 'the crisis service keeps its own rota at the municipality' })
  @IsIn(ROLES)
  role!: OnCallRole;

  @ShiftTimeField('2026-03-02T16:00', 'start (inclusive)')
  from!: string;

  @ShiftTimeField('2026-03-03T08:00', 'end (exclusive): the handover to the next shift')
  to!: string;
}

export class OnCallShiftScheduledDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000d001' })
  shiftId!: string;
}
