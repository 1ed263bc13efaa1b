import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '@ips/http';

/** The body of link-treatment-team. */
export class LinkTreatmentTeamDto {
  @TextField('DPS Lerkendal, team 2')
  teamName!: string;

  @ApiProperty({ example: 'dr-lie', description: "the responsible clinician's user id (token subject)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  clinicianId!: string;
}
