import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignContactPersonDto {
  @ApiProperty({ example: 'mw-siri', description: "the municipal contact person's user id (token subject)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactPersonId!: string;
}
