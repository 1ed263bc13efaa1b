import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The body of change-contact-details: the new phone and e-mail (a field left out is cleared). */
export class ContactDetailsDto {
  @ApiPropertyOptional({ example: '+47 912 34 567', description: 'digits, spaces, ( ) and -, optionally after a +', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^\+?[0-9][0-9 ()-]{3,39}$/, { message: 'must be a phone number: digits, spaces, ( ) and -, optionally after a +' })
  phone?: string;

  @ApiPropertyOptional({ example: 'kari.nordmann@example.no', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;
}
