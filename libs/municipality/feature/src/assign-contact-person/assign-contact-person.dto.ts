import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The body of assign-contact-person: who the participant's contact person at the municipality is. */
export class AssignContactPersonDto {
  @ApiProperty({ example: 'mw-siri', description: "the municipal contact person's user id (token subject)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactPersonId!: string;
}
