import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MUNICIPAL_SERVICE_KINDS } from '@ips/contracts';
import { OptionalDateField, OptionalTextField } from '@ips/http';
import { MunicipalServiceKind } from '@ips/municipality/domain';

/** The body of grant-service: which kind of service, from which day, and a note. */
export class GrantServiceDto {
  @ApiProperty({ enum: MUNICIPAL_SERVICE_KINDS, example: 'housing' })
  @IsIn(MUNICIPAL_SERVICE_KINDS)
  kind!: MunicipalServiceKind;

  @OptionalTextField('Supported flat in Moholt, from the housing office')
  note?: string;

  @OptionalDateField('2026-03-02', 'planned', 'first day of the service; today when left out')
  grantedFrom?: string;
}

export class ServiceGrantedDto {
  @ApiProperty({ example: '5b2e8c1a-7f3d-4e6a-9b0c-1d2e3f4a5b6c' })
  serviceId!: string;
}
