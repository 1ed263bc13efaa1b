import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';
import { AGENCIES, Agency } from '@ips/contracts';
import { OptionalTextField } from '@ips/http';

export class GiveConsentDto {
  @ApiProperty({ example: ['mental-health', 'municipality'], enum: AGENCIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(AGENCIES, { each: true })
  shareWith!: Agency[];

  @ApiProperty({ example: false, description: 'may the employer see entries about its placements' })
  @IsBoolean()
  employerDisclosure!: boolean;
}

export class WithdrawConsentDto {
  @OptionalTextField('I want to think about it again')
  reason?: string;
}
