import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { CONTACT_REQUEST_URGENCIES } from '@ips/contracts';
import { Urgency } from '@ips/employer/domain';
import { TextField } from '@ips/http';

/** The body of submit-contact-request: which placement, how urgent, the words and the number to call back. */
export class SubmitContactRequestDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000c101', description: 'the placement the call is about' })
  @IsUUID()
  placementId!: string;

  @TextField('Ola has not turned up today and does not answer his phone.', 2000)
  message!: string;

  @ApiProperty({
    enum: CONTACT_REQUEST_URGENCIES,
    example: 'urgent',
    description: 'urgent: to be acknowledged within 15 minutes; routine: 60 (configurable)',
  })
  @IsIn(CONTACT_REQUEST_URGENCIES)
  urgency!: Urgency;

  /** Dialability is the domain's rule: 422 CONTACT_REQUEST.INVALID_PHONE. */
  @ApiProperty({ example: '+47 912 34 567', description: 'where the team calls back: + and 8 to 15 digits (spaces allowed)', maxLength: 32 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  callbackPhone!: string;
}

export class ContactRequestAcceptedDto {
  @ApiProperty({ example: '0193b2c4-1f00-7a00-8000-00000000a001' })
  requestId!: string;
}
