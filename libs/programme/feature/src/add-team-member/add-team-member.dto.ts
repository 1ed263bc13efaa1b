import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, TEAM_AGENCIES, TeamAgency } from '@ips/contracts';
import { OptionalDateField, TextField } from '@ips/http';
import { TeamMemberRole } from '@ips/programme/domain';

/** The body of add-team-member: who joins, of which agency and in which role, from which day. */
export class AddTeamMemberDto {
  @ApiProperty({ example: 'es-ingrid', description: "the person's token subject (`sub`)", maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sub!: string;

  @TextField('Ingrid Solberg, employment specialist, NAV Lerkendal')
  displayName!: string;

  @ApiProperty({ enum: TEAM_AGENCIES, example: 'welfare-office' })
  @IsIn(TEAM_AGENCIES)
  agency!: TeamAgency;

  /** Which roles go with which agency is the domain's rule: 422 TEAM.ROLE_NOT_OF_AGENCY. */
  @ApiProperty({
    enum: STAFF_ROLES,
    example: 'employment-specialist',
    description:
      'welfare-office: caseworker, employment-specialist, supervisor; mental-health: clinician, supervisor; ' +
      'municipality: municipal-worker, supervisor. Only the administrator names a supervisor.',
  })
  @IsIn(STAFF_ROLES)
  role!: TeamMemberRole;

  @OptionalDateField('2026-11-02', 'planned', "first day on the team (the team's day); today when left out; within a year of today")
  from?: string;
}
