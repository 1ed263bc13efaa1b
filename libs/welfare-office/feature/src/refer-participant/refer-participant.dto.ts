import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';

@ValidatorConstraint({ name: 'pastDate' })
export class PastCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now();
  }

  defaultMessage(): string {
    return 'must be a real date YYYY-MM-DD, not in the future';
  }
}

export class ReferParticipantDto {
  @ApiProperty({ example: 'Kari', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenName!: string;

  @ApiProperty({ example: 'Nordmann', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  familyName!: string;

  @ApiProperty({ example: '1994-03-02', description: 'YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  @Validate(PastCalendarDate)
  birthDate!: string;

  @ApiProperty({ example: 'DPS Lerkendal, outpatient clinic', description: 'a service, a person, or "self"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  referredBy!: string;

  @ApiPropertyOptional({ example: 'Wants a job in a warehouse; has been out of work for three years.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReferralCreatedDto {
  @ApiProperty({ example: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' })
  participantId!: string;
}
