import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '@ips/http';

/** The body of register-employer: the organisation to register. */
export class RegisterEmployerDto {
  @TextField('Trondheim Lager AS')
  name!: string;

  /** Checked by the domain, so a malformed number gets its own code, 422. */
  @ApiProperty({ example: '912345678', description: 'nine digits (Enhetsregisteret)', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  organisationNumber!: string;
}

export class EmployerRegisteredDto {
  @ApiProperty({ example: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' })
  employerId!: string;
}
