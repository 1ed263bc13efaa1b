import { ApiProperty } from '@nestjs/swagger';
import { OnCallRole } from '@ips/employer/domain';
import { OptionalInstantField } from '../contact-line/time-fields';

export class OnCallAtQueryDto {
  @OptionalInstantField('2026-03-02T21:30:00Z', 'when; now when left out')
  at?: string;
}

export class OnCallShiftDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000d001' })
  shiftId!: string;

  @ApiProperty({ example: 'es-ingrid' })
  workerId!: string;

  @ApiProperty({ enum: ['employment-specialist', 'supervisor'], example: 'employment-specialist' })
  role!: OnCallRole;

  @ApiProperty({ example: '2026-03-02T15:00:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-03-03T07:00:00.000Z' })
  to!: string;

  @ApiProperty({ example: '2026-03-02T16:00+01:00', description: "`from` in the team's time zone" })
  fromLocal!: string;

  @ApiProperty({ example: '2026-03-03T08:00+01:00' })
  toLocal!: string;

  @ApiProperty({ example: false })
  cancelled!: boolean;
}

export class OnCallTeamDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000b001' })
  teamId!: string;

  @ApiProperty({ example: 'IPS Trondheim' })
  name!: string;

  @ApiProperty({ example: 'Europe/Oslo' })
  timeZone!: string;

  @ApiProperty({
    example: false,
    description: "a programme team (decision 27): its on-call covers the team's participants; false: an on-call team defined here before teams",
  })
  programmeTeam!: boolean;

  @ApiProperty({
    example: ['es-ingrid', 'es-per'],
    description: 'an on-call team from before teams: whose participants it covers; empty for a programme team that was never one',
  })
  employmentSpecialistIds!: string[];

  @ApiProperty({ example: '2026-03-02T21:30:00.000Z' })
  at!: string;

  @ApiProperty({ example: '2026-03-02T22:30+01:00' })
  atLocal!: string;

  @ApiProperty({
    example: { 'employment-specialist': 'es-ingrid', supervisor: 'sup-siri' },
    description: 'who takes a request at `at` (the participant’s own specialist is preferred when on call); null: nobody',
  })
  onCall!: Record<OnCallRole, string | null>;

  @ApiProperty({ type: [OnCallShiftDto], description: 'shifts not yet over at `at`, earliest first' })
  shifts!: OnCallShiftDto[];
}
