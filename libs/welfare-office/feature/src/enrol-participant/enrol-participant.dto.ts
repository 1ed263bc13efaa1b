import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The body of enrol-participant: the employment specialist and the fixed contact person named. */
export class EnrolParticipantDto {
  @ApiProperty({ example: 'es-ingrid', description: "the employment specialist's user id (token subject)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employmentSpecialistId!: string;

  @ApiProperty({ example: 'cw-ola', description: "the fixed welfare-office contact person's user id" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactPersonId!: string;
}
